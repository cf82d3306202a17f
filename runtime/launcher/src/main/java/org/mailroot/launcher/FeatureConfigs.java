package org.mailroot.launcher;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives Configuration Admin the configurations of the enabled features for which etc/ has no file:
 * etc/ stays the source of truth, a feature only brings the defaults of what it adds. Applied at
 * every boot (the framework cache, and with it Configuration Admin's store, is wiped at boot).
 * Reflective, as {@link DeployWatcher}: the launcher does not share the Configuration Admin API.
 */
final class FeatureConfigs {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureConfigs.class);
    private static final String CM = "org.osgi.service.cm.ConfigurationAdmin";

    private FeatureConfigs() {
    }

    static void apply(BundleContext context, Path etc, Map<String, Map<String, Object>> configurations) {
        if (configurations.isEmpty()) {
            return;
        }
        ServiceReference<?> ref = context.getServiceReference(CM);
        if (ref == null) {
            LOG.error("No Configuration Admin: the features' default configurations are not applied");
            return;
        }
        Object cm = context.getService(ref);
        try {
            Class<?> cmType = ref.getBundle().loadClass(CM);
            Class<?> configType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
            Method factory = cmType.getMethod("getFactoryConfiguration", String.class, String.class, String.class);
            Method single = cmType.getMethod("getConfiguration", String.class, String.class);
            Method update = configType.getMethod("update", Dictionary.class);
            for (Map.Entry<String, Map<String, Object>> e : configurations.entrySet()) {
                String pid = e.getKey();
                if (inEtc(etc, pid)) {
                    continue;
                }
                int tilde = pid.indexOf('~');
                // location "?": whichever bundle registers the PID may receive it
                Object config = tilde > 0 ? factory.invoke(cm, pid.substring(0, tilde), pid.substring(tilde + 1), "?")
                        : single.invoke(cm, pid, "?");
                update.invoke(config, new Hashtable<>(e.getValue()));
                LOG.info("Configuration {} from its feature (no etc/{}.cfg)", pid, pid);
            }
        } catch (ReflectiveOperationException e) {
            LOG.error("The features' default configurations could not be applied", e);
        } finally {
            context.ungetService(ref);
        }
    }

    /** etc/pid.cfg or .config, or FileInstall's older factory form factoryPid-name.cfg. */
    static boolean inEtc(Path etc, String pid) {
        String dashed = pid.replace('~', '-');
        return Files.exists(etc.resolve(pid + ".cfg")) || Files.exists(etc.resolve(pid + ".config"))
                || Files.exists(etc.resolve(dashed + ".cfg")) || Files.exists(etc.resolve(dashed + ".config"));
    }
}
