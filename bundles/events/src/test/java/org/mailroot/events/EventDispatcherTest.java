package org.mailroot.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailroot.api.log.LogSink;
import org.mailroot.api.log.MailEvent;

class EventDispatcherTest {
    private final EventDispatcher dispatcher = new EventDispatcher();

    @AfterEach
    void tearDown() {
        dispatcher.stop(Duration.ofSeconds(1));
    }

    static MailEvent event(String argument) {
        return new MailEvent(Instant.now(), MailEvent.Type.COMMAND, "s1", "default", "192.0.2.1",
                null, null, "RCPT", argument, 250, "OK", 10, 20, 1);
    }

    /** Records what it receives and counts down a latch per event. */
    static final class RecordingSink implements LogSink {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch latch;

        RecordingSink(int expected) {
            latch = new CountDownLatch(expected);
        }

        @Override
        public void log(MailEvent event) {
            seen.add(event.argument());
            latch.countDown();
        }

        void await() throws InterruptedException {
            assertTrue(latch.await(5, TimeUnit.SECONDS), "events arrived: " + seen);
        }
    }

    private void add(LogSink sink, String name) {
        dispatcher.addSink(sink, Map.of("component.name", name));
    }

    @Test
    void everyEventReachesEverySinkInOrder() throws Exception {
        RecordingSink a = new RecordingSink(3);
        RecordingSink b = new RecordingSink(3);
        add(a, "a");
        add(b, "b");
        dispatcher.start(100);
        List.of("1", "2", "3").forEach(x -> dispatcher.publish(event(x)));
        a.await();
        b.await();
        assertEquals(List.of("1", "2", "3"), a.seen);
        assertEquals(List.of("1", "2", "3"), b.seen);
        assertEquals(0, dispatcher.dropped());
    }

    @Test
    void aThrowingSinkDoesNotStopTheOthers() throws Exception {
        RecordingSink good = new RecordingSink(2);
        add(event -> {
            throw new IllegalStateException("broken sink");
        }, "broken");
        add(event -> {
            throw new NoClassDefFoundError("bundle went away");
        }, "stopped");
        add(good, "good");
        dispatcher.start(100);
        dispatcher.publish(event("1"));
        dispatcher.publish(event("2"));
        good.await();
        assertEquals(List.of("1", "2"), good.seen);
    }

    @Test
    void aFullQueueDropsCountsAndReturnsAtOnce() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        add(event -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "blocked");
        dispatcher.start(2);
        dispatcher.publish(event("taken by the worker"));
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        dispatcher.publish(event("queued 1"));
        dispatcher.publish(event("queued 2"));
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            dispatcher.publish(event("dropped"));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(1000, dispatcher.dropped());
        assertTrue(millis < 2000, "publish blocked for " + millis + " ms");
        release.countDown();
    }

    @Test
    void stopDrainsWhatIsQueued() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(50);
        add(event -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "slow");
        add(sink, "recording");
        dispatcher.start(10_000); // room for the probes: a probe is only dropped by the stop
        for (int i = 0; i < 50; i++) {
            dispatcher.publish(event(Integer.toString(i)));
        }
        // Stop while the slow sink still holds the first event, so the queue is full at the stop.
        Thread stopper = new Thread(() -> dispatcher.stop(Duration.ofSeconds(10)), "stopper");
        stopper.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (dispatcher.dropped() == 0) { // a probe counted as dropped: the stop has begun
            assertTrue(System.nanoTime() < deadline, "the stop never began refusing events");
            dispatcher.publish(event("probe"));
            Thread.sleep(1);
        }
        assertTrue(stopper.isAlive(), "stop waits for the queue to drain");
        release.countDown();
        stopper.join(TimeUnit.SECONDS.toMillis(15));
        assertTrue(!stopper.isAlive(), "stop returned");
        List<String> queued = sink.seen.stream().filter(x -> !x.equals("probe")).toList();
        assertEquals(50, queued.size(), "all queued events were delivered before stop returned");
        assertEquals(1, dispatcher.dropped(), "only the probe that saw the stop was dropped");
        dispatcher.publish(event("after stop"));
        assertEquals(2, dispatcher.dropped());
    }

    @Test
    void stopGivesUpOnAStuckSinkWithinTheTimeoutAndCountsTheRest() {
        CountDownLatch never = new CountDownLatch(1);
        add(event -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stuck");
        dispatcher.start(10);
        for (int i = 0; i < 5; i++) {
            dispatcher.publish(event(Integer.toString(i)));
        }
        long start = System.nanoTime();
        dispatcher.stop(Duration.ofMillis(200));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3000);
        assertTrue(dispatcher.dropped() >= 4, "dropped " + dispatcher.dropped());
        never.countDown();
    }

    @Test
    void aRemovedSinkGetsNoMoreEvents() throws Exception {
        RecordingSink removed = new RecordingSink(1);
        RecordingSink kept = new RecordingSink(2);
        add(removed, "removed");
        add(kept, "kept");
        dispatcher.start(10);
        dispatcher.publish(event("1"));
        removed.await();
        dispatcher.removeSink(removed);
        dispatcher.publish(event("2"));
        kept.await();
        assertEquals(List.of("1"), removed.seen);
    }

    @Test
    void concurrentProducersLoseNothingUnderNormalLoad() throws Exception {
        int producers = 4;
        int each = 2_000;
        RecordingSink sink = new RecordingSink(producers * each);
        add(sink, "recording");
        dispatcher.start(10_000);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new java.util.ArrayList<>();
        for (int p = 0; p < producers; p++) {
            String prefix = p + ":";
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    dispatcher.publish(event(prefix + i));
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        sink.await();
        assertEquals(0, dispatcher.dropped());
        assertEquals(producers * each, sink.seen.size());
        // Each producer's events keep their order.
        for (int p = 0; p < producers; p++) {
            String prefix = p + ":";
            List<String> mine = sink.seen.stream().filter(x -> x.startsWith(prefix)).toList();
            for (int i = 0; i < each; i++) {
                assertEquals(prefix + i, mine.get(i));
            }
        }
    }

    @Test
    void stopDrainsAnIdleWorkerAtOnceAndEventsPublishedJustBefore() throws Exception {
        RecordingSink sink = new RecordingSink(3);
        add(sink, "recording");
        java.util.Set<Thread> before = eventsThreads();
        dispatcher.start(100);
        // Let the worker go idle (parked), then publish and stop at once: nothing wakes the
        // worker but the stop, which must still deliver all three.
        Thread worker = eventsThreadsExcept(before);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (worker.getState() != Thread.State.TIMED_WAITING && worker.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < deadline, "the worker never parked: " + worker.getState());
            Thread.sleep(1);
        }
        List.of("1", "2", "3").forEach(x -> dispatcher.publish(event(x)));
        long start = System.nanoTime();
        dispatcher.stop(Duration.ofSeconds(5));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3000);
        assertEquals(List.of("1", "2", "3"), sink.seen);
        assertEquals(0, dispatcher.dropped());
    }

    private static java.util.Set<Thread> eventsThreads() {
        java.util.Set<Thread> all = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("mailroot-events")) {
                all.add(t);
            }
        }
        return all;
    }

    /** The mailroot-events thread started since {@code before} was taken. */
    private static Thread eventsThreadsExcept(java.util.Set<Thread> before) {
        java.util.Set<Thread> now = eventsThreads();
        now.removeAll(before);
        assertEquals(1, now.size(), "one new mailroot-events thread: " + now);
        return now.iterator().next();
    }
}
