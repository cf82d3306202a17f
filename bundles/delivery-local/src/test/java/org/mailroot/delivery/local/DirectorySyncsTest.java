package org.mailroot.delivery.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DirectorySyncsTest {
    private final Path dir = Path.of("Drop");

    @Test
    void aCallerWaitsForAnFsyncThatStartedAfterItsCallNotTheOneRunning() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger fsyncs = new AtomicInteger();
        DirectorySyncs syncs = new DirectorySyncs(d -> {
            if (fsyncs.incrementAndGet() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<Void> first = run(pool, syncs);
            assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
            // Three deliveries rename while the first fsync runs: it does not cover them.
            List<CompletableFuture<Void>> later = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                later.add(run(pool, syncs));
            }
            Thread.sleep(100); // give them time to (wrongly) return
            later.forEach(f -> assertFalse(f.isDone(), "returned before an fsync covering its rename"));
            releaseFirst.countDown();
            first.get(5, TimeUnit.SECONDS);
            CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertEquals(2, fsyncs.get(), "the three later callers shared one fsync");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedFsyncIsNotSharedAndEachWaiterTriesItsOwn() throws Exception {
        AtomicBoolean fail = new AtomicBoolean(true);
        DirectorySyncs syncs = new DirectorySyncs(d -> {
            if (fail.getAndSet(false)) {
                throw new IOException("EIO");
            }
        });
        assertThrows(IOException.class, () -> syncs.sync(dir));
        syncs.sync(dir); // the next caller fsyncs again rather than trusting the failed one
        assertEquals(2, syncs.syncs());
    }

    @Test
    void manyConcurrentCallersAllReturnAndShareFsyncs() throws Exception {
        AtomicInteger fsyncs = new AtomicInteger();
        DirectorySyncs syncs = new DirectorySyncs(d -> {
            fsyncs.incrementAndGet();
            try {
                Thread.sleep(2); // an fsync takes time; callers pile up meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                all.add(run(pool, syncs));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertTrue(fsyncs.get() < 400, "fsyncs shared: " + fsyncs.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private CompletableFuture<Void> run(ExecutorService pool, DirectorySyncs syncs) {
        return CompletableFuture.runAsync(() -> {
            try {
                syncs.sync(dir);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, pool);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
