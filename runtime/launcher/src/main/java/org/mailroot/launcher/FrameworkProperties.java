package org.mailroot.launcher;

import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.Constants;

/** The Felix configuration of a Mailroot instance. */
final class FrameworkProperties {
    /** How often FileInstall looks at etc/ and deploy/ (ms): edits apply within about a second. */
    static final String POLL_MS = "1000";
    /** The virtual servers' configuration files (factory PID org.mailroot.listener, '~' or '-' form). */
    static final String LISTENER_FILES = "org\\.mailroot\\.listener[~-].*";

    private FrameworkProperties() {
    }

    static Map<String, Object> of(Layout layout, Map<String, String> extra) {
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, layout.cache().toString());
        // a clean cache at every boot: configuration comes from etc/ only (stack trap 8);
        // ConfigAdmin keeps its store in its bundle data area, inside this cache
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put("mailroot.base", layout.base().toString());
        p.put("mailroot.home", layout.home().toString());
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, Mailroot.systemPackagesExtra());
        p.put("felix.log.logger", new FelixLogger());
        p.put("felix.log.level", "3");
        // FileInstall's main watcher: configuration files only, edited live, never written back
        p.put("felix.fileinstall.dir", layout.etc().toString());
        // every configuration file but the virtual servers': those come from a second watcher once
        // the rest (local domains, spool) is applied, so no client meets a listener that does not
        // yet know its local domains (550 5.7.1 for local mail)
        p.put("felix.fileinstall.filter", "(?!" + LISTENER_FILES + ").*\\.(cfg|config)");
        p.put("felix.fileinstall.poll", POLL_MS);
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.log.level", "3");
        p.put("ds.loglevel", "warn");
        // -Dds.loglevel=debug, -Dfelix.fileinstall.log.level=4 ... on the command line win
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("ds.") || key.startsWith("felix.") || key.startsWith("org.osgi.")) {
                p.put(key, System.getProperty(key));
            }
        }
        p.putAll(extra);
        return p;
    }

    /** The watcher of the virtual servers' files in etc/, created after the others are applied. */
    static Map<String, Object> listenerWatcher(Layout layout) {
        Map<String, Object> p = new HashMap<>();
        p.put("felix.fileinstall.dir", layout.etc().toString());
        p.put("felix.fileinstall.filter", LISTENER_FILES + "\\.(cfg|config)");
        p.put("felix.fileinstall.poll", POLL_MS);
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.enableConfigSave", "false");
        return p;
    }

    /** The second FileInstall watcher: hot deploy of bundles dropped in deploy/. */
    static Map<String, Object> deployWatcher(Layout layout) {
        Map<String, Object> p = new HashMap<>();
        p.put("felix.fileinstall.dir", layout.deploy().toString());
        p.put("felix.fileinstall.filter", ".*\\.jar");
        p.put("felix.fileinstall.poll", POLL_MS);
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.enableConfigSave", "false");
        return p;
    }
}
