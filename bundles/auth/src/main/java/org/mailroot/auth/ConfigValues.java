package org.mailroot.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a refused configuration value as CONVENTIONS.md prescribes (file, key, allowed values, kept value). */
public final class ConfigValues {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigValues.class);

    private ConfigValues() {
    }

    /** The value when within {@code min..max}; else logs and returns {@code kept}. */
    public static int range(String key, int value, int min, int max, int kept) {
        if (value >= min && value <= max) {
            return value;
        }
        LOG.error("Invalid configuration {} ({}): {}={}; allowed: {}..{}; keeping {}", AuthConfig.PID,
                AuthConfig.FILE, key, value, min, max, kept);
        return kept;
    }

    public static void refused(String key, Object value, String allowed, Object kept) {
        LOG.error("Invalid configuration {} ({}): {}={}; allowed: {}; keeping {}", AuthConfig.PID,
                AuthConfig.FILE, key, value, allowed, kept);
    }
}
