package org.mailroot.delivery.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of directory fsyncs: concurrent deliveries that renamed a file into the same
 * directory share one fsync. A caller returns only after an fsync that STARTED after its call
 * (hence after its rename) has succeeded, so a delivery is reported only once its name is on
 * disk. While one fsync runs, later callers wait; the first of them then fsyncs once for all
 * who arrived meanwhile. A failed fsync is not shared: each waiter not covered tries its own.
 *
 * <p>Before fsyncing, that caller lingers (at most {@code linger}, or until {@code maxBatch}
 * callers wait) while writes announced with {@link #begin} are still under way in the
 * directory: without it the first caller fsynced at once for itself alone and, under load,
 * nearly every delivery paid its own directory fsync. A lone caller (nothing announced) fsyncs
 * at once.
 */
final class DirectorySyncs {
    /** Directories cannot be opened for fsync on Windows; the rename is durable enough there. */
    static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    static final long LINGER_NANOS = Long.getLong("mailroot.drop.lingerMicros", 1000) * 1000;
    static final int MAX_BATCH = Integer.getInteger("mailroot.drop.maxBatch", 16);

    /** Fsyncs one directory; a parameter so tests can count and slow down fsyncs. */
    @FunctionalInterface
    interface Fsync {
        void fsync(Path dir) throws IOException;
    }

    /** Per-directory tickets, guarded by {@link #lock}. */
    private static final class Dir {
        final ReentrantLock lock = new ReentrantLock();
        /** Signalled when an fsync ends. */
        final Condition synced = lock.newCondition();
        /** Signalled for the lingering caller when nothing announced is left or the batch is full. */
        final Condition arrived = lock.newCondition();
        long requested;
        long covered;
        boolean syncing;
        boolean lingering;
        /** Writes announced by begin() whose sync() or end() has not come yet. */
        int writing;
    }

    private final ConcurrentMap<Path, Dir> dirs = new ConcurrentHashMap<>();
    private final Fsync fsync;
    private final long lingerNanos;
    private final int maxBatch;
    private final AtomicLong syncs = new AtomicLong();

    DirectorySyncs() {
        this(DirectorySyncs::fsyncDirectory, LINGER_NANOS, MAX_BATCH);
    }

    DirectorySyncs(Fsync fsync) {
        this(fsync, 0, 1);
    }

    DirectorySyncs(Fsync fsync, long lingerNanos, int maxBatch) {
        this.fsync = fsync;
        this.lingerNanos = Math.max(0, lingerNanos);
        this.maxBatch = Math.max(1, maxBatch);
    }

    /**
     * Announces a change about to be made in {@code dir}; must be followed by exactly one
     * {@link #sync(Path, boolean) sync(dir, true)} or {@link #end(Path)}.
     */
    void begin(Path dir) {
        Dir d = dirs.computeIfAbsent(dir, k -> new Dir());
        d.lock.lock();
        try {
            d.writing++;
        } finally {
            d.lock.unlock();
        }
    }

    /** The announced change was abandoned: no sync follows. */
    void end(Path dir) {
        Dir d = dirs.computeIfAbsent(dir, k -> new Dir());
        d.lock.lock();
        try {
            d.writing--;
            wakeLinger(d);
        } finally {
            d.lock.unlock();
        }
    }

    /** Returns once every change made in {@code dir} before this call is durable. */
    void sync(Path dir) throws IOException {
        sync(dir, false);
    }

    /** @param begun true when this change was announced with {@link #begin} */
    void sync(Path dir, boolean begun) throws IOException {
        Dir d = dirs.computeIfAbsent(dir, k -> new Dir());
        long covers;
        d.lock.lock();
        try {
            if (begun) {
                d.writing--;
            }
            if (WINDOWS) {
                return;
            }
            long ticket = ++d.requested;
            wakeLinger(d);
            while (d.syncing) {
                try {
                    d.synced.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted waiting for the fsync of " + dir, e);
                }
            }
            if (d.covered >= ticket) {
                return; // an fsync that started after our call has completed
            }
            d.syncing = true;
            linger(d);
            covers = d.requested; // everyone who asked so far asked after their own change
        } finally {
            d.lock.unlock();
        }
        boolean ok = false;
        try {
            syncs.incrementAndGet();
            fsync.fsync(dir);
            ok = true;
        } finally {
            d.lock.lock();
            try {
                d.syncing = false;
                if (ok) {
                    d.covered = Math.max(d.covered, covers);
                }
                d.synced.signalAll();
            } finally {
                d.lock.unlock();
            }
        }
    }

    /** Holds d.lock. Waits, bounded, for announced writes to call sync() so they share this fsync. */
    private void linger(Dir d) {
        if (lingerNanos == 0) {
            return;
        }
        long left = lingerNanos;
        d.lingering = true;
        try {
            while (d.writing > 0 && d.requested - d.covered < maxBatch && left > 0) {
                left = d.arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // fsync now; the flag stays for the caller
        } finally {
            d.lingering = false;
        }
    }

    /** Holds d.lock. */
    private void wakeLinger(Dir d) {
        if (d.lingering && (d.writing <= 0 || d.requested - d.covered >= maxBatch)) {
            d.arrived.signal();
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
