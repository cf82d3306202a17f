package org.mailroot.spool.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes renames (and unlinks) in one directory durable, sharing one directory fsync among all
 * requests that arrive while the previous fsync runs. Under load a batch grows to the number of
 * concurrent writers, so the directory costs one fsync per batch instead of one per message.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private final Path dir;
    private final int maxBatch;
    private final Executor completions;
    private final BlockingQueue<CompletableFuture<Void>> waiting = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean running = true;
    private boolean dirSyncUnsupported;

    /**
     * @param maxBatch 1 turns batching off (one fsync per request), for comparison
     * @param completions where callers' futures complete, so a slow callback never delays fsyncs
     */
    public GroupCommitter(Path dir, int maxBatch, Executor completions) {
        this.dir = dir;
        this.maxBatch = maxBatch;
        this.completions = completions;
        this.thread = new Thread(this::run, "mailroot-spool-commit");
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes once the directory's entries, as changed before this call, are on disk. */
    public CompletableFuture<Void> sync() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (!running) {
            f.completeExceptionally(new IOException("spool is stopping"));
            return f;
        }
        requests.incrementAndGet();
        waiting.add(f);
        return f;
    }

    private void run() {
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        while (running || !waiting.isEmpty()) {
            try {
                CompletableFuture<Void> first = waiting.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                IOException failure = fsyncDirectory();
                List<CompletableFuture<Void>> done = List.copyOf(batch);
                batch.clear();
                completions.execute(() -> done.forEach(f -> {
                    if (failure == null) {
                        f.complete(null);
                    } else {
                        f.completeExceptionally(failure);
                    }
                }));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("Group commit of {} failed", dir, e);
                batch.forEach(f -> f.completeExceptionally(e));
                batch.clear();
            }
        }
        waiting.forEach(f -> f.completeExceptionally(new IOException("spool stopped")));
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

    /** Serves what is already waiting, then stops. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
