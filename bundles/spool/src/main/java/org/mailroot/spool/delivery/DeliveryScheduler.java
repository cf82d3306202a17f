package org.mailroot.spool.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mailroot.spool.queue.DaemonThreads;
import java.util.function.Supplier;
import org.mailroot.spool.badmail.BadMail;
import org.mailroot.spool.events.Events;
import org.mailroot.spool.queue.QueueFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every queued message scheduled: a new or recovered message is tried at once on the
 * delivery pool, a deferred one again when the {@link RetryPolicy} says. One timer thread only
 * hands due messages to the pool, so a slow transport never delays other timers.
 */
public final class DeliveryScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryScheduler.class);

    private final Map<String, QueueEntry> entries = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final AttemptRunner runner;
    private final Clock clock;
    private volatile RetryPolicy policy;

    public DeliveryScheduler(Transports transports, RetryPolicy policy, int threads, BadMail badMail,
            Events events, Supplier<CompletableFuture<Void>> dirSync, Clock clock) {
        this(transports, policy, threads, badMail, events, dirSync, clock, eml -> {
            if (!eml.toFile().delete()) { // java.io's delete is one unlink(); Files.delete stats first
                Files.delete(eml); // tells why
            }
        });
    }

    /** Takes a delivered message's file out of Queue/ (unlinks it, or recycles it). */
    @FunctionalInterface
    public interface Retire {
        void accept(Path eml) throws IOException;
    }

    /** @param retire takes a delivered message's file out of Queue/ */
    public DeliveryScheduler(Transports transports, RetryPolicy policy, int threads, BadMail badMail,
            Events events, Supplier<CompletableFuture<Void>> dirSync, Clock clock, Retire retire) {
        this.policy = policy;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), DaemonThreads.named("mailroot-delivery"));
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mailroot-delivery-timer"));
        this.runner = new AttemptRunner(transports, () -> this.policy, badMail, events, dirSync, clock,
                e -> entries.remove(e.id()), retire);
    }

    /** Takes charge of a queued message and tries it now. */
    public void add(QueueFile file, StatusLog.State state) {
        QueueEntry e = new QueueEntry(file, state);
        if (entries.putIfAbsent(e.id(), e) == null) {
            runNow(e);
        }
    }

    /** Takes charge of a message just stored (no status file) and tries it now. */
    public void addStored(QueueFile file) {
        QueueEntry e = new QueueEntry(file, StatusLog.State.NONE);
        e.fresh = true;
        if (entries.putIfAbsent(e.id(), e) == null) {
            runNow(e);
        }
    }

    /** Messages in Queue/ not yet fully delivered. */
    public int queueLength() {
        return entries.size();
    }

    public void policy(RetryPolicy value) {
        this.policy = value;
    }

    /** A transport arrived: try at once the messages waiting for it instead of at their timer. */
    public void transportArrived(String name) {
        for (QueueEntry e : entries.values()) {
            synchronized (e) {
                boolean waits = e.pending().stream().anyMatch(k -> k.route().transport().equals(name));
                if (!waits) {
                    continue;
                }
                if (e.running) {
                    e.rerun = true; // its attempt may have missed the transport: go again after it
                } else if (e.timer != null && e.timer.cancel(false)) {
                    e.timer = null;
                    runNow(e);
                }
            }
        }
    }

    private void runNow(QueueEntry e) {
        try {
            pool.execute(() -> attempt(e));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not delivering {} now: the scheduler is stopping", e.id());
        }
    }

    private void attempt(QueueEntry e) {
        synchronized (e) {
            if (e.running) {
                e.rerun = true;
                return;
            }
            e.running = true;
            e.timer = null;
        }
        Instant next;
        try {
            next = runner.run(e);
        } catch (IOException | RuntimeException ex) {
            // The outcome could not be recorded; the message stays and is tried again later.
            next = clock.instant().plus(policy.delayAfter(Math.max(1, e.attempts)));
            LOG.error("Delivery attempt of {} could not be settled; retrying at {}", e.id(), next, ex);
        }
        e.dropHeld();
        synchronized (e) {
            e.running = false;
            if (next == null) {
                entries.remove(e.id());
            } else if (e.rerun) {
                e.rerun = false;
                runNow(e);
            } else {
                schedule(e, next);
            }
        }
    }

    private void schedule(QueueEntry e, Instant at) {
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        try {
            e.timer = timer.schedule(() -> runNow(e), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not scheduling {}: the scheduler is stopping", e.id());
        }
    }

    /** Lets running attempts finish (their transports may block), then stops; the queue stays. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Delivery attempts still running after 30 s; interrupting them");
            pool.shutdownNow();
        }
        entries.clear();
    }

}
