package org.mailroot.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.mailroot.api.log.MailEvent;

/**
 * The single dispatcher thread and its queue. Stopping enqueues a marker behind the pending
 * events (FIFO), so everything published before the stop reaches the sinks, within a bounded
 * time. It never interrupts the thread: an interrupt would close a sink's NIO file channel.
 */
final class EventWorker {
    /** Identity marker for "stop after what is queued"; never given to a sink. */
    private static final MailEvent STOP = new MailEvent(Instant.EPOCH, MailEvent.Type.DISCONNECT,
            null, null, null, null, null, null, null, 0, null, 0, 0, 0);

    private final BlockingQueue<MailEvent> queue;
    private final Supplier<List<SinkHandle>> sinks;
    private final Thread thread;
    private volatile boolean open = true;
    private volatile boolean abandoned;

    EventWorker(BlockingQueue<MailEvent> queue, Supplier<List<SinkHandle>> sinks) {
        this.queue = queue;
        this.sinks = sinks;
        this.thread = new Thread(this::run, "mailroot-events");
        this.thread.setDaemon(true); // never keeps the JVM alive at shutdown
    }

    void start() {
        thread.start();
    }

    /** Non-blocking; false when the queue is full or stopping. */
    boolean offer(MailEvent event) {
        return open && queue.offer(event);
    }

    /**
     * Drains and stops the thread, waiting at most {@code timeout}.
     *
     * @return the number of events that did not reach the sinks
     */
    long stop(Duration timeout) {
        open = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (queue.offer(STOP, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            abandoned = true; // a stuck sink: let the thread end after its current event
        }
        long left = queue.stream().filter(e -> e != STOP).count();
        queue.clear();
        return left;
    }

    private void run() {
        while (!abandoned) {
            MailEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (event == STOP) {
                return;
            }
            // The list is an immutable snapshot: sinks bound meanwhile get the next event.
            for (SinkHandle sink : sinks.get()) {
                sink.deliver(event);
            }
        }
    }
}
