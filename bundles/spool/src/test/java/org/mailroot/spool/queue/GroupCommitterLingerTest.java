package org.mailroot.spool.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leader of a Queue/ directory fsync waits for announced renames, but never for nobody. */
class GroupCommitterLingerTest {
    private static final long LONG_LINGER = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path dir;

    @Test
    void concurrentAnnouncedRequestsShareOneFsync() throws Exception {
        GroupCommitter c = new GroupCommitter(dir, 16, LONG_LINGER);
        int n = 4;
        for (int i = 0; i < n; i++) {
            c.expect(); // four stores are writing their files
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // The first to arrive leads and lingers (on its own thread) for the other three.
                all.add(CompletableFuture.supplyAsync(() -> c.sync(true), pool).thenCompose(f -> f));
            }
            long t0 = System.nanoTime();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - t0 < LONG_LINGER / 3, "the last arrival ended the linger");
            assertEquals(1, c.syncs(), "one directory fsync covered all four renames");
            assertEquals(n, c.requests());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLoneRequestIsFsyncedAtOnce() throws Exception {
        GroupCommitter c = new GroupCommitter(dir, 16, LONG_LINGER);
        c.expect();
        c.sync(true).get(5, TimeUnit.SECONDS); // nothing else announced: no linger
        c.sync().get(5, TimeUnit.SECONDS); // not announced at all
        assertEquals(2, c.syncs());
    }

    @Test
    void anAbandonedWriteEndsTheLinger() throws Exception {
        GroupCommitter c = new GroupCommitter(dir, 16, LONG_LINGER);
        c.expect();
        c.expect(); // this one will fail before its rename
        AtomicReference<Thread> leaderThread = new AtomicReference<>();
        CompletableFuture<CompletableFuture<Void>> leader = CompletableFuture.supplyAsync(() -> {
            leaderThread.set(Thread.currentThread());
            return c.sync(true);
        });
        awaitWaiting(leaderThread); // the leader is lingering for the second write
        c.unexpect();
        leader.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        assertEquals(1, c.syncs());
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
