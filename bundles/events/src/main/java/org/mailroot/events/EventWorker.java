package org.mailroot.events;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.mailroot.api.log.MailEvent;

/**
 * The single dispatcher thread and its bounded queue. Publishing never wakes the thread: an
 * offer is a lock-free enqueue plus a counter increment (a futex wake per event cost more CPU
 * than the event itself under load). The thread drains everything queued, then parks for
 * {@link #IDLE_PARK_NANOS}; so events reach the sinks within about that delay. Stopping wakes
 * the thread, which drains what was queued before the stop and ends, within a bounded time. It
 * never interrupts the thread: an interrupt would close a sink's NIO file channel.
 */
final class EventWorker {
    /** How long the idle thread sleeps before looking again: the sinks' worst-case latency. */
    static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(15);

    private final Queue<MailEvent> queue = new ConcurrentLinkedQueue<>();
    /** Events in {@link #queue}, reserved before the enqueue so the bound is never exceeded. */
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private final Supplier<List<SinkHandle>> sinks;
    private final Thread thread;
    private volatile boolean open = true;
    private volatile boolean stopping;
    private volatile boolean abandoned;

    EventWorker(int capacity, Supplier<List<SinkHandle>> sinks) {
        this.capacity = capacity;
        this.sinks = sinks;
        this.thread = new Thread(this::run, "mailroot-events");
        this.thread.setDaemon(true); // never keeps the JVM alive at shutdown
    }

    void start() {
        thread.start();
    }

    /** Non-blocking and wake-free; false when the queue is full or stopping. */
    boolean offer(MailEvent event) {
        if (!open) {
            return false;
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        queue.offer(event);
        return true;
    }

    /**
     * Drains and stops the thread, waiting at most {@code timeout}.
     *
     * @return the number of events that did not reach the sinks
     */
    long stop(Duration timeout) {
        open = false;
        stopping = true;
        LockSupport.unpark(thread); // the one wake-up: do not wait out the idle park
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            abandoned = true; // a stuck sink: let the thread end after its current event
        }
        // A producer that passed the open check just before the stop may add one late: counted.
        long left = 0;
        while (queue.poll() != null) {
            left++;
        }
        size.set(0);
        return left;
    }

    private void run() {
        while (!abandoned) {
            MailEvent event = queue.poll();
            if (event == null) {
                if (stopping) {
                    return; // everything published before the stop was delivered
                }
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                continue;
            }
            size.decrementAndGet();
            // The list is an immutable snapshot: sinks bound meanwhile get the next event.
            for (SinkHandle sink : sinks.get()) {
                sink.deliver(event);
            }
        }
    }
}
