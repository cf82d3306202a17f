package org.mailroot.spool.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes renames (and unlinks) in one directory durable, sharing one directory fsync among all
 * requests that arrive while the previous fsync runs. Under load a batch grows to the number of
 * concurrent writers, so the directory costs one fsync per batch instead of one per message.
 *
 * <p>There is no committer thread: the first caller that finds no fsync running becomes the
 * leader and fsyncs on its own thread, then serves the requests that queued up meanwhile, until
 * none is left; the others just enqueue and return. Before each fsync the leader lingers (at most
 * {@code linger}, or until {@code maxBatch} requests wait) while changes announced with
 * {@link #expect()} are still being made: without it the leader fsynced at once for itself alone
 * and batches stayed near one under load. A lone request (nothing expected) is fsynced at once.
 * Leading on the caller's thread saves the hand-offs (and futex wake-ups) of a dedicated thread. Futures complete on the leader's thread, after the
 * fsync that covers them: callers must continue on their own executor (as the Spool API says).
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private final Path dir;
    private final int maxBatch;
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    /** Guarded by this. Requests whose change was made before they were added. */
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    /** Guarded by this: a leader is fsyncing and will look at {@link #waiting} again. */
    private boolean leading;
    /** Guarded by this: changes announced by {@link #expect()} whose sync() has not come yet. */
    private int expected;
    /** Guarded by this: the leader waits in its linger and wants a notify. */
    private boolean lingering;
    private final long lingerNanos;
    private volatile boolean running = true;
    private volatile boolean dirSyncUnsupported;

    /** @param maxBatch 1 turns batching off (one fsync per request), for comparison */
    public GroupCommitter(Path dir, int maxBatch) {
        this(dir, maxBatch, 0);
    }

    /**
     * @param lingerNanos how long a leader may wait for expected requests before fsyncing;
     *        0 fsyncs at once
     */
    public GroupCommitter(Path dir, int maxBatch, long lingerNanos) {
        this.dir = dir;
        this.maxBatch = Math.max(1, maxBatch);
        this.lingerNanos = Math.max(0, lingerNanos);
    }

    /**
     * Announces a change about to be made in the directory, followed by exactly one
     * {@link #sync()} (or {@link #unexpect()} if the change failed), so that a leader lingers for it.
     */
    public synchronized void expect() {
        expected++;
    }

    /** The announced change was not made: no sync() will follow. */
    public synchronized void unexpect() {
        expected--;
        wakeLinger();
    }

    /** Guarded by this. */
    private void wakeLinger() {
        if (lingering && (expected <= 0 || waiting.size() >= maxBatch)) {
            notifyAll();
        }
    }

    /**
     * Completes once the directory's entries, as changed before this call, are on disk. May run
     * the fsync (and complete other callers' futures) on the calling thread.
     */
    public CompletableFuture<Void> sync() {
        return sync(false);
    }

    /** @param wasExpected true when this request was announced with {@link #expect()} */
    public CompletableFuture<Void> sync(boolean wasExpected) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (!running) {
            if (wasExpected) {
                unexpect();
            }
            f.completeExceptionally(new IOException("spool is stopping"));
            return f;
        }
        requests.incrementAndGet();
        synchronized (this) {
            if (wasExpected) {
                expected--;
            }
            waiting.add(f);
            if (leading) {
                wakeLinger();
                return f; // the running leader takes it in its next batch
            }
            leading = true;
        }
        lead();
        return f;
    }

    /** Fsyncs batch after batch until nothing waits; exactly one thread leads at a time. */
    private void lead() {
        while (true) {
            List<CompletableFuture<Void>> batch;
            synchronized (this) {
                linger();
                if (waiting.isEmpty()) {
                    leading = false;
                    return;
                }
                if (waiting.size() <= maxBatch) {
                    batch = waiting;
                    waiting = new ArrayList<>();
                } else {
                    List<CompletableFuture<Void>> head = waiting.subList(0, maxBatch);
                    batch = new ArrayList<>(head);
                    head.clear();
                }
            }
            // Every request in the batch was added after its rename: this fsync covers them all.
            IOException failure;
            try {
                failure = syncDirectory();
            } catch (RuntimeException e) {
                LOG.error("Group commit of {} failed", dir, e);
                failure = new IOException("directory fsync failed: " + e, e);
            }
            for (CompletableFuture<Void> f : batch) {
                try {
                    if (failure == null) {
                        f.complete(null);
                    } else {
                        f.completeExceptionally(failure);
                    }
                } catch (RuntimeException e) {
                    LOG.error("A callback after the group commit of {} failed", dir, e); // keep leading
                }
            }
        }
    }

    /**
     * Guarded by this. Waits while announced changes are still on their way, so that they share
     * this fsync; bounded by the linger time and the batch size.
     */
    private void linger() {
        if (lingerNanos == 0 || expected <= 0 || waiting.isEmpty() || waiting.size() >= maxBatch) {
            return;
        }
        long deadline = System.nanoTime() + lingerNanos;
        lingering = true;
        try {
            while (running && expected > 0 && waiting.size() < maxBatch) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // fsync now; the caller's thread sees the flag
        } finally {
            lingering = false;
        }
    }

    private IOException syncDirectory() {
        syncs.incrementAndGet();
        if (dirSyncUnsupported) {
            return null;
        }
        try {
            if (!fsyncDirectory(dir)) {
                // NTFS cannot open a directory as a channel; its metadata journal covers renames.
                dirSyncUnsupported = true;
                LOG.warn("Directory fsync unsupported on this platform; relying on the file system journal");
            }
            return null;
        } catch (IOException e) {
            LOG.error("fsync of directory {} failed", dir, e);
            return e;
        }
    }

    /**
     * Fsyncs a directory so that renames and deletions in it survive a crash. Returns false on
     * Windows, where a directory cannot be opened for fsync (NTFS journals its metadata); any
     * other failure is thrown. Shared by the spool's durable moves (Queue/, BadMail/).
     */
    public static boolean fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
            return true;
        } catch (IOException e) {
            if (System.getProperty("os.name", "").startsWith("Windows")) {
                return false;
            }
            throw e;
        }
    }

    /** Directory fsyncs made and requests served, for measurements and the admin. */
    public long syncs() {
        return syncs.get();
    }

    public long requests() {
        return requests.get();
    }

    /**
     * Refuses new requests. Requests already made are served by their leader, which holds no
     * resource to release, so there is nothing to wait for.
     */
    @Override
    public void close() {
        running = false;
        synchronized (this) {
            notifyAll(); // a lingering leader fsyncs now
        }
    }
}
