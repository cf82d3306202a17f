package org.mailroot.launcher.user;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The user file of an instance: {@code usersFile} of etc/org.mailroot.auth.cfg, else etc/users. */
public final class UsersFileLocation {
    private UsersFileLocation() {
    }

    public static Path of(Path base) {
        Path cfg = base.resolve("etc").resolve("org.mailroot.auth.cfg");
        String file = "etc/users";
        if (Files.isRegularFile(cfg)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(cfg)) {
                p.load(in);
                file = p.getProperty("usersFile", file).strip();
            } catch (IOException e) {
                // unreadable: the server uses its default too
            }
        }
        return base.resolve(file).normalize();
    }
}
