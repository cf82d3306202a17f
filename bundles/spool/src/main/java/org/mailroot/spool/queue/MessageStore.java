package org.mailroot.spool.queue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store() pipeline: a writer pool copies and fsyncs each message file in parallel (so the
 * device and the ext4/xfs journal can merge concurrent flushes), then the {@link GroupCommitter}
 * makes the renames durable with shared directory fsyncs. The caller's stage completes only
 * after that, directly on the spool thread that ran the fsync (no further hand-off: the API tells
 * callers to continue on their own executor).
 */
public final class MessageStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MessageStore.class);

    private final QueueWriter writer;
    private final GroupCommitter committer;
    private final ExecutorService writers;
    private final Consumer<QueueFile> onStored;

    /**
     * @param writerThreads concurrent file writes and fsyncs
     * @param batchDirSync false only to measure what group commit saves
     * @param onStored told of each durable message (the delivery scheduler); must not block
     */
    public MessageStore(Path queue, QueueWriter writer, int writerThreads, boolean batchDirSync,
            Consumer<QueueFile> onStored) {
        this.writer = writer;
        this.onStored = onStored;
        this.writers = Executors.newFixedThreadPool(writerThreads, DaemonThreads.named("mailroot-spool-write"));
        this.committer = batchDirSync ? new GroupCommitter(queue, MAX_BATCH, LINGER_NANOS)
                : new GroupCommitter(queue, 1);
    }

    /**
     * How long the leader of a Queue/ directory fsync waits for stores still writing (and how
     * many requests end the wait early). Measured: 1 ms brings the Queue/ fsyncs from ~1.0 to
     * well under 0.5 per message at 20 sessions without lowering throughput.
     */
    static final long LINGER_NANOS = Long.getLong("mailroot.spool.lingerMicros", 1000) * 1000;
    static final int MAX_BATCH = Integer.getInteger("mailroot.spool.maxBatch", 16);

    public CompletionStage<Void> store(Envelope envelope, MessageContent content) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            writers.execute(() -> {
                QueueFile file;
                boolean[] announced = {false};
                try {
                    file = writer.write(envelope, content, () -> {
                        committer.expect(); // fsynced, renaming now: a leader lingers for it
                        announced[0] = true;
                    });
                } catch (IOException | RuntimeException e) {
                    if (announced[0]) {
                        committer.unexpect();
                    }
                    LOG.warn("Could not queue message {}: {}", envelope.id(), e.toString());
                    result.completeExceptionally(e);
                    return;
                }
                committer.sync(true).whenComplete((v, e) -> {
                    if (e != null) {
                        file.withoutHeld();
                        result.completeExceptionally(e);
                        return;
                    }
                    notifyStored(file); // the scheduler knows it (queueLength) once store() completes
                    result.complete(null);
                });
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IOException("spool is stopped"));
        }
        return result;
    }

    private void notifyStored(QueueFile file) {
        try {
            onStored.accept(file);
        } catch (RuntimeException e) {
            // The message is durable; recovery at the next start would schedule it anyway.
            LOG.error("Scheduling stored message {} failed", file.envelope().id(), e);
        }
    }

    /** Shares directory fsyncs with stores, for unlinks and renames made by the scheduler. */
    public CompletableFuture<Void> syncQueueDirectory() {
        return committer.sync();
    }

    public GroupCommitter committer() {
        return committer;
    }

    /** Finishes stores already accepted, then stops. */
    @Override
    public void close() throws InterruptedException {
        writers.shutdown();
        if (!writers.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Spool writers still busy after 30 s; stopping them");
            writers.shutdownNow();
        }
        committer.close();
    }

}
