package org.mailroot.launcher;

import java.lang.reflect.Method;
import java.util.Dictionary;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FileInstall 3.7.4 understands factory file names only as {@code factoryPid-name.cfg}; for
 * {@code factoryPid~name.cfg} (our convention, and Configuration Admin 1.6's own naming) it makes a
 * plain configuration whose PID merely contains '~', which no component matches. This turns such
 * a configuration into the named factory configuration it means, keeping the
 * felix.fileinstall.filename property so FileInstall finds and updates or deletes the right one
 * when the file changes.
 */
final class FactoryConfigBridge {
    private static final Logger LOG = LoggerFactory.getLogger(FactoryConfigBridge.class);

    private FactoryConfigBridge() {
    }

    /** True if the event is for a '~' configuration that was converted (and must not be logged). */
    static boolean convert(BundleContext context, ServiceReference<?> cmRef, String pid, String factoryPid,
            boolean updated) {
        int tilde = pid.indexOf('~');
        boolean dashed = factoryPid != null && factoryPid.indexOf('~') > 0;
        if (tilde <= 0 || (factoryPid != null && !dashed)) {
            return false;
        }
        if (!updated) {
            return true; // the deletion of the stand-in, converted before
        }
        // factoryPid~name-with-dash.cfg: FileInstall splits at the '-' and makes the factory
        // configuration "factoryPid~name" / "with-dash" (PID factoryPid~name~with-dash); the name
        // meant is "name-with-dash" (domain and listener names often hold a '-')
        String target = dashed ? factoryPid + "-" + pid.substring(factoryPid.length() + 1) : pid;
        tilde = target.indexOf('~');
        Object cm = context.getService(cmRef);
        try {
            Class<?> cmType = cmRef.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
            Class<?> configType = cmRef.getBundle().loadClass("org.osgi.service.cm.Configuration");
            Method listConfigurations = cmType.getMethod("listConfigurations", String.class);
            Object[] found = (Object[]) listConfigurations.invoke(cm, "(service.pid=" + pid + ")");
            Object plain = found == null ? null : found[0];
            if (plain == null || (!dashed && configType.getMethod("getFactoryPid").invoke(plain) != null)) {
                return true; // already converted
            }
            @SuppressWarnings("unchecked")
            Dictionary<String, Object> props = (Dictionary<String, Object>) configType.getMethod("getProperties").invoke(plain);
            // delete first: getFactoryConfiguration would otherwise return this very configuration,
            // which already holds the PID factoryPid~name
            configType.getMethod("delete").invoke(plain);
            if (props != null) {
                props.remove("service.pid");
                props.remove("service.factoryPid");
                Object named = cmType.getMethod("getFactoryConfiguration", String.class, String.class, String.class)
                        .invoke(cm, target.substring(0, tilde), target.substring(tilde + 1), "?");
                configType.getMethod("update", Dictionary.class).invoke(named, props);
            }
        } catch (ReflectiveOperationException e) {
            LOG.error("Cannot turn configuration {} into a factory configuration", pid, e);
        } finally {
            context.ungetService(cmRef);
        }
        return true;
    }
}
