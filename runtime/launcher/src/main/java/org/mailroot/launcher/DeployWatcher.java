package org.mailroot.launcher;

import java.lang.reflect.Method;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a factory configuration org.apache.felix.fileinstall~NAME: one more FileInstall watcher
 * (deploy: hot deploy of deploy/*.jar; listeners: the virtual servers' files of etc/). The launcher
 * does not share the Configuration Admin API with the framework, so it calls the service
 * reflectively through the API bundle's own classes.
 */
final class DeployWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(DeployWatcher.class);
    private static final String CM = "org.osgi.service.cm.ConfigurationAdmin";

    private DeployWatcher() {
    }

    static void configure(BundleContext context, String name, Map<String, Object> properties) {
        ServiceReference<?> ref = context.getServiceReference(CM);
        if (ref == null) {
            LOG.warn("No Configuration Admin: FileInstall watcher {} is off", name);
            return;
        }
        Object cm = context.getService(ref);
        try {
            Class<?> cmType = ref.getBundle().loadClass(CM);
            Class<?> configType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
            Method get = cmType.getMethod("getFactoryConfiguration", String.class, String.class, String.class);
            // location "?" : any bundle may receive it (FileInstall is installed under its own location)
            Object config = get.invoke(cm, "org.apache.felix.fileinstall", name, "?");
            configType.getMethod("update", Dictionary.class).invoke(config, new Hashtable<>(properties));
        } catch (ReflectiveOperationException e) {
            LOG.error("FileInstall watcher {} is off: cannot create its configuration", name, e);
        } finally {
            context.ungetService(ref);
        }
    }
}
