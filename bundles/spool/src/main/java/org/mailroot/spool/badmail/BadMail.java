package org.mailroot.spool.badmail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.mailroot.spool.queue.GroupCommitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a message that can be neither delivered nor returned into BadMail/, with a
 * {@code <name>.reason} text file beside it saying why. The reason is written (and fsynced)
 * before the message moves, so a message in BadMail/ always has its explanation.
 */
public final class BadMail {
    private static final Logger LOG = LoggerFactory.getLogger(BadMail.class);
    public static final String REASON_SUFFIX = ".reason";

    private final Path dir;

    public BadMail(Path dir) {
        this.dir = dir;
    }

    /**
     * @param file the message to move (from Queue/ or Pickup/)
     * @param baseName the name in BadMail/, without extension (made unique if taken)
     * @param extension of the moved message, e.g. {@code .eml}
     * @return the message's path in BadMail/
     */
    public synchronized Path moveIn(Path file, String baseName, String extension, String reason)
            throws IOException {
        String base = baseName;
        for (int n = 1; Files.exists(dir.resolve(base + extension))
                || Files.exists(dir.resolve(base + REASON_SUFFIX)); n++) {
            base = baseName + "-" + n;
        }
        Path reasonFile = dir.resolve(base + REASON_SUFFIX);
        Path temp = dir.resolve(base + REASON_SUFFIX + ".tmp");
        Files.writeString(temp, reason.endsWith("\n") ? reason : reason + "\n", StandardCharsets.UTF_8);
        force(temp);
        Files.move(temp, reasonFile, StandardCopyOption.ATOMIC_MOVE);
        Path target = dir.resolve(base + extension);
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // BadMail/ on another file system: copy durably, then remove the original.
            Files.copy(file, target);
            force(target);
            forceDirectory(dir); // the copy's name is durable before the original goes
            Files.delete(file);
        }
        forceDirectory(dir);
        forceDirectory(file.getParent());
        LOG.warn("Moved {} to BadMail as {}: {}", file.getFileName(), target.getFileName(),
                reason.lines().filter(l -> l.startsWith("Reason:")).findFirst().orElse(""));
        return target;
    }

    private static void force(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Throws when the fsync fails, except on Windows, which cannot open a directory for fsync. */
    static void forceDirectory(Path d) throws IOException {
        GroupCommitter.fsyncDirectory(d);
    }
}
