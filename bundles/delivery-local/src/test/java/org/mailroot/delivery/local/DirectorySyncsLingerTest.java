package org.mailroot.delivery.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The caller that fsyncs Drop/ lingers for deliveries still writing, but never for nobody. */
class DirectorySyncsLingerTest {
    private static final long LONG_LINGER = TimeUnit.SECONDS.toNanos(30);
    private final Path dir = Path.of("Drop");
    private final AtomicInteger fsyncs = new AtomicInteger();
    private final DirectorySyncs syncs = new DirectorySyncs(d -> fsyncs.incrementAndGet(), LONG_LINGER, 16);

    @Test
    void concurrentDeliveriesShareOneFsync() throws Exception {
        int n = 4;
        for (int i = 0; i < n; i++) {
            syncs.begin(dir); // four deliveries are writing their files
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(CompletableFuture.runAsync(() -> {
                    try {
                        syncs.sync(dir, true);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            long t0 = System.nanoTime();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - t0 < LONG_LINGER / 3, "the last arrival ended the linger");
            assertEquals(1, fsyncs.get(), "one directory fsync covered all four renames");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLoneDeliveryIsFsyncedAtOnce() throws Exception {
        long t0 = System.nanoTime();
        syncs.begin(dir);
        syncs.sync(dir, true);
        syncs.sync(dir);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
        assertEquals(2, fsyncs.get());
    }

    @Test
    void anAbandonedWriteEndsTheLinger() throws Exception {
        syncs.begin(dir);
        syncs.begin(dir); // this one fails before its rename
        AtomicReference<Thread> leader = new AtomicReference<>();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            leader.set(Thread.currentThread());
            try {
                syncs.sync(dir, true);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitWaiting(leader); // it lingers for the second delivery
        syncs.end(dir);
        first.get(10, TimeUnit.SECONDS);
        assertEquals(1, fsyncs.get());
    }

    private static void awaitWaiting(AtomicReference<Thread> thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            Thread t = thread.get();
            Thread.State state = t == null ? null : t.getState();
            if (state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the leader never started lingering: " + state);
            Thread.sleep(1);
        }
    }
}
