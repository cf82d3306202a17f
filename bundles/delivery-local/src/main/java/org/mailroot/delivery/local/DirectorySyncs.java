package org.mailroot.delivery.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit of directory fsyncs: concurrent deliveries that renamed a file into the same
 * directory share one fsync. A caller returns only after an fsync that STARTED after its call
 * (hence after its rename) has succeeded, so a delivery is reported only once its name is on
 * disk. While one fsync runs, later callers wait; the first of them then fsyncs once for all
 * who arrived meanwhile. A failed fsync is not shared: each waiter not covered tries its own.
 */
final class DirectorySyncs {
    /** Directories cannot be opened for fsync on Windows; the rename is durable enough there. */
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    /** Fsyncs one directory; a parameter so tests can count and slow down fsyncs. */
    @FunctionalInterface
    interface Fsync {
        void fsync(Path dir) throws IOException;
    }

    /** Per-directory tickets, guarded by the instance's monitor. */
    private static final class Dir {
        long requested;
        long covered;
        boolean syncing;
    }

    private final ConcurrentMap<Path, Dir> dirs = new ConcurrentHashMap<>();
    private final Fsync fsync;
    private final AtomicLong syncs = new AtomicLong();

    DirectorySyncs() {
        this(DirectorySyncs::fsyncDirectory);
    }

    DirectorySyncs(Fsync fsync) {
        this.fsync = fsync;
    }

    /** Returns once every change made in {@code dir} before this call is durable. */
    void sync(Path dir) throws IOException {
        if (WINDOWS) {
            return;
        }
        Dir d = dirs.computeIfAbsent(dir, k -> new Dir());
        long covers;
        synchronized (d) {
            long ticket = ++d.requested;
            while (d.syncing) {
                try {
                    d.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted waiting for the fsync of " + dir, e);
                }
            }
            if (d.covered >= ticket) {
                return; // an fsync that started after our call has completed
            }
            d.syncing = true;
            covers = d.requested; // everyone who asked so far asked after their own change
        }
        boolean ok = false;
        try {
            syncs.incrementAndGet();
            fsync.fsync(dir);
            ok = true;
        } finally {
            synchronized (d) {
                d.syncing = false;
                if (ok) {
                    d.covered = Math.max(d.covered, covers);
                }
                d.notifyAll();
            }
        }
    }

    /** Fsyncs made, for tests and measurements. */
    long syncs() {
        return syncs.get();
    }

    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
