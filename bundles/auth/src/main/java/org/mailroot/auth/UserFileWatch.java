package org.mailroot.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mailroot.auth.store.UserFile;
import org.mailroot.auth.store.UserRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user file and its last good contents. {@link #poll()} reloads when the file's identity,
 * size or modification time changed; a file that cannot be read keeps the previous users.
 */
final class UserFileWatch {
    private static final Logger LOG = LoggerFactory.getLogger(UserFileWatch.class);

    private final Path file;
    private volatile Map<String, UserRecord> users = Map.of();
    private String stamp = "(not loaded)";

    UserFileWatch(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    Map<String, UserRecord> users() {
        return users;
    }

    synchronized void poll() {
        String now = stamp();
        if (Objects.equals(now, stamp)) {
            return;
        }
        stamp = now;
        if (now.equals("absent")) {
            users = Map.of();
            LOG.info("User file {} does not exist: no accounts (create one with bin/mailroot user add)", file);
            return;
        }
        try {
            UserFile.Contents c = UserFile.read(file);
            c.problems().forEach(p -> LOG.error("User file {} line {} ignored: {}", file, p.line(), p.message()));
            users = c.users();
            LOG.info("User file {} loaded: {} account(s)", file, users.size());
            warnIfReadable();
        } catch (IOException | RuntimeException e) {
            LOG.error("User file {} could not be read, keeping the previous {} account(s): {}", file,
                    users.size(), e.toString());
        }
    }

    private String stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.fileKey() + "/" + a.size() + "/" + a.lastModifiedTime().toMillis();
        } catch (NoSuchFileException e) {
            return "absent";
        } catch (IOException e) {
            return "error " + e;
        }
    }

    /** The file holds password-equivalent SCRAM keys (ServerKey): others must not read it. */
    private void warnIfReadable() {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("User file {} is readable by group or others; chmod 600 it", file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }
}
