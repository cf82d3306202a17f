package org.mailroot.delivery.local;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Durable file creation: write a temporary file, fsync it, rename it atomically into place and
 * fsync the directory, so that after a crash the target either does not exist or is complete.
 * Mail accepted with a 250 must never be half-written or lost (RFC 5321 §6.1).
 */
final class AtomicFiles {
    /** Writes the body of a file. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Shared by every delivery thread: concurrent deliveries into one directory (Drop/, a
     * Maildir's new/) share its fsync instead of paying one each.
     */
    private static final DirectorySyncs RENAME_SYNCS = new DirectorySyncs();

    /** The largest write buffer; bigger files are written in pieces of this size. */
    static final int MAX_BUFFER = 64 * 1024;

    private AtomicFiles() {
    }

    /**
     * The write buffer for a file of about {@code expectedSize} octets: just large enough for a
     * typical message to go out in one write(), without zeroing 64 KiB per delivery.
     */
    static int bufferSize(long expectedSize) {
        return (int) Math.max(512, Math.min(MAX_BUFFER, expectedSize));
    }

    /**
     * Writes {@code body} to {@code temp} (replacing a leftover of an earlier crash), then moves
     * it to {@code target}. Both must be on the same file system (same Drop tree). Returns only
     * once the rename is durable (a directory fsync that started after it has completed).
     * {@code expectedSize} (the body's size, if known) only sizes the write buffer.
     */
    static void write(Path temp, Path target, long expectedSize, Body body) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel),
                    bufferSize(expectedSize));
            body.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Path dir = target.getParent();
        // Fsynced, renaming now: a concurrent fsync of dir lingers the few microseconds until
        // this rename is done and shares itself with it (lingering for writers still writing
        // cost more in wait time than it saved in fsyncs).
        RENAME_SYNCS.begin(dir);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            RENAME_SYNCS.end(dir);
            throw e;
        }
        RENAME_SYNCS.sync(dir, true);
    }

    /** Creates missing directories and fsyncs each new entry's parent, so they survive a crash. */
    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            return;
        }
        if (parent != null) {
            syncDirectory(parent);
        }
    }

    /**
     * Makes durable a file found already in place (an idempotent redelivery): an earlier attempt
     * may have renamed it and then failed, or crashed, before its directory fsync.
     */
    static void syncExisting(Path file) throws IOException {
        RENAME_SYNCS.sync(file.getParent());
    }

    /** Directory fsyncs made through {@link #write} and {@link #syncExisting}, for tests. */
    static long renameSyncs() {
        return RENAME_SYNCS.syncs();
    }

    static void syncDirectory(Path dir) throws IOException {
        if (DirectorySyncs.WINDOWS) {
            return;
        }
        DirectorySyncs.fsyncDirectory(dir);
    }
}
