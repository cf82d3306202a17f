package org.mailroot.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions filtered in at build time, so the launcher never hard-codes them. */
final class Version {
    private static final Properties VERSIONS = load();

    private Version() {
    }

    /** The Mailroot version, e.g. 0.1.0-SNAPSHOT. */
    static String mailroot() {
        return VERSIONS.getProperty("mailroot.version", "unknown");
    }

    /** The slf4j-api version on the class path; the system bundle exports org.slf4j* at it. */
    static String slf4j() {
        return VERSIONS.getProperty("slf4j.version");
    }

    /** The logback version; the system bundle exports its classic API for org.apache.felix.logback. */
    static String logback() {
        return VERSIONS.getProperty("logback.version");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
