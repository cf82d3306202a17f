package org.mailroot.itests.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The assembled distribution folder, passed by Failsafe as the system property mailroot.dist. */
public final class Distribution {
    private Distribution() {
    }

    public static Path home() {
        String dist = System.getProperty("mailroot.dist");
        if (dist == null || dist.isBlank()) {
            throw new IllegalStateException("System property mailroot.dist is not set: run the itests "
                    + "through Maven (mvn verify -pl itests -am) so Failsafe passes the distribution path");
        }
        Path home = Paths.get(dist).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("system"))) {
            throw new IllegalStateException("No distribution at " + home + " (missing system/): build "
                    + "runtime/distribution first (mvn verify -pl itests -am builds it)");
        }
        return home;
    }
}
