package org.mailroot.launcher.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the running server's admin endpoint is and its token: data/admin.url (written by the
 * admin bundle while it runs) or etc/org.mailroot.admin.cfg (bindAddress, port), and the token
 * file (tokenFile, default data/admin.token), all under the instance folder.
 */
record AdminEndpoint(String url, Path tokenFile) {
    static final String CFG = "org.mailroot.admin.cfg";

    static AdminEndpoint of(Path base) {
        Properties cfg = new Properties();
        Path file = base.resolve("etc").resolve(CFG);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                cfg.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // defaults below; the server reports its own configuration errors
            }
        }
        String url;
        try {
            url = Files.readString(base.resolve("data").resolve("admin.url")).strip();
        } catch (IOException e) {
            String host = cfg.getProperty("bindAddress", "127.0.0.1").strip();
            url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + cfg.getProperty("port", "2580").strip();
        }
        return new AdminEndpoint(url, base.resolve(cfg.getProperty("tokenFile", "data/admin.token").strip()));
    }

    /** The token; a CliException with what to do when the file is missing or unreadable. */
    String token() {
        try {
            return Files.readString(tokenFile, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new CliException(3, "No admin token at " + tokenFile + ": Mailroot creates it at its first start."
                    + " Is the server running for this instance (MAILROOT_BASE)?");
        } catch (AccessDeniedException e) {
            throw new CliException(1, "Cannot read the admin token " + tokenFile
                    + " (owner-only file): run bin/mailroot as the user that runs the server");
        } catch (IOException e) {
            throw new CliException(1, "Cannot read the admin token " + tokenFile + ": " + e.getMessage());
        }
    }
}
