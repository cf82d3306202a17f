package org.mailroot.launcher.user;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the {@code user} command needs from etc/org.mailroot.auth.cfg: the user file
 * ({@code usersFile}, else etc/users) and whether CRAM-MD5 is on ({@code cramMd5}, else false).
 */
public final class UsersFileLocation {
    private UsersFileLocation() {
    }

    public static Path of(Path base) {
        return base.resolve(settings(base).getProperty("usersFile", "etc/users").strip()).normalize();
    }

    /** {@code cramMd5=true}: passwords set now get a CRAM-MD5 secret as well. */
    public static boolean cramMd5(Path base) {
        return "true".equalsIgnoreCase(settings(base).getProperty("cramMd5", "false").strip());
    }

    private static Properties settings(Path base) {
        Path cfg = base.resolve("etc").resolve("org.mailroot.auth.cfg");
        Properties p = new Properties();
        if (Files.isRegularFile(cfg)) {
            try (InputStream in = Files.newInputStream(cfg)) {
                p.load(in);
            } catch (IOException e) {
                // unreadable: the server uses its defaults too
            }
        }
        return p;
    }
}
