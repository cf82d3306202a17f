package org.mailroot.spool.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * none is left; the others just enqueue and return. That saves the thread hand-offs (and their
 * futex wake-ups) of a dedicated thread. Futures complete on the leader's thread, after the
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
    private volatile boolean running = true;
    private volatile boolean dirSyncUnsupported;

    /** @param maxBatch 1 turns batching off (one fsync per request), for comparison */
    public GroupCommitter(Path dir, int maxBatch) {
        this.dir = dir;
        this.maxBatch = Math.max(1, maxBatch);
    }

    /**
     * Completes once the directory's entries, as changed before this call, are on disk. May run
     * the fsync (and complete other callers' futures) on the calling thread.
     */
    public CompletableFuture<Void> sync() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (!running) {
            f.completeExceptionally(new IOException("spool is stopping"));
            return f;
        }
        requests.incrementAndGet();
        synchronized (this) {
            waiting.add(f);
            if (leading) {
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
                failure = fsyncDirectory();
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

    private IOException fsyncDirectory() {
        syncs.incrementAndGet();
        if (dirSyncUnsupported) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
            return null;
        } catch (IOException e) {
            if (System.getProperty("os.name", "").startsWith("Windows")) {
                // NTFS cannot open a directory as a channel; its metadata journal covers renames.
                dirSyncUnsupported = true;
                LOG.warn("Directory fsync unsupported on this platform; relying on the file system journal");
                return null;
            }
            LOG.error("fsync of directory {} failed", dir, e);
            return e;
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
    }
}
