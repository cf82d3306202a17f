package org.mailroot.spool.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailroot.spool.Fixtures.content;
import static org.mailroot.spool.Fixtures.envelope;
import static org.mailroot.spool.Fixtures.route;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.api.MessageContent;

/**
 * Measures durable stores per second with 20 concurrent writers of 4 KB messages, each waiting
 * for its store to complete before sending the next (as 20 SMTP sessions would), with and
 * without shared directory fsyncs. Prints the numbers; asserts only that all are stored.
 * Run: {@code mvn -o -q test -pl bundles/spool -Dtest=StoreThroughputTest -Dspool.bench.messages=4000}
 */
class StoreThroughputTest {
    private static final int WRITERS = 20;

    @TempDir
    Path dir;

    @Test
    void twentyWritersOfFourKilobytes() throws Exception {
        int messages = Integer.getInteger("spool.bench.messages", 1000);
        double single = run(dir.resolve("single"), messages, false);
        double batched = run(dir.resolve("group"), messages, true);
        System.out.printf("spool store, %d writers x 4 KB, %d messages: per-message dir fsync %.0f msgs/s,"
                + " group commit %.0f msgs/s%n", WRITERS, messages, single, batched);
    }

    private double run(Path queue, int messages, boolean batch) throws Exception {
        Files.createDirectories(queue);
        MessageContent body = content("Subject: bench\r\n\r\n" + "y".repeat(4096 - 19));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(WRITERS);
        long t0;
        try (MessageStore store = new MessageStore(queue, new QueueWriter(queue, 0, () -> Long.MAX_VALUE),
                WRITERS, batch, f -> { })) {
            CountDownLatch finished = new CountDownLatch(WRITERS);
            t0 = System.nanoTime();
            for (int w = 0; w < WRITERS; w++) {
                clients.execute(() -> {
                    try {
                        int i;
                        while ((i = next.getAndIncrement()) < messages) {
                            store.store(envelope("T" + i, route("local", "b@example.com")), body)
                                    .toCompletableFuture().join();
                            done.incrementAndGet();
                        }
                    } finally {
                        finished.countDown();
                    }
                });
            }
            assertTrue(finished.await(5, TimeUnit.MINUTES), "writers did not finish in time");
            long elapsed = System.nanoTime() - t0;
            System.out.printf("  %s: %d dir fsyncs for %d stores%n", batch ? "group" : "single",
                    store.committer().syncs(), store.committer().requests());
            clients.shutdown();
            assertEquals(messages, done.get());
            return messages / (elapsed / 1e9);
        }
    }
}
