package org.mailroot.spool.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mailroot.spool.Fixtures.content;
import static org.mailroot.spool.Fixtures.envelope;
import static org.mailroot.spool.Fixtures.route;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.api.spool.SpoolFullException;

class FreeSpaceTest {
    private static final long MB = 1024L * 1024;

    private final AtomicLong disk = new AtomicLong(1000 * MB);
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final FreeSpace free = new FreeSpace(() -> {
        reads.incrementAndGet();
        return disk.get();
    }, clock::get);

    @TempDir
    Path queue;

    @Test
    void readsTheDiskOncePerIntervalNotPerStore() {
        for (int i = 0; i < 100; i++) {
            free.reserve(4096, 64 * MB);
        }
        assertEquals(1, reads.get());
        clock.addAndGet(FreeSpace.MAX_AGE_NANOS);
        free.reserve(4096, 64 * MB);
        assertEquals(2, reads.get());
    }

    @Test
    void rereadsAfterManyBytesEvenWithinTheInterval() {
        free.reserve(FreeSpace.MAX_BYTES, 64 * MB);
        free.reserve(4096, 64 * MB);
        assertEquals(2, reads.get());
    }

    @Test
    void aDiskThatFilledUpIsRefusedOnAFreshReadNotAStaleOne() throws Exception {
        QueueWriter writer = new QueueWriter(queue, 64, free);
        writer.write(envelope("A1", route("local", "b@example.com")), content("Subject: a\r\n\r\n"));
        disk.set(10 * MB); // another program filled the disk; the cached value is still fine
        clock.addAndGet(FreeSpace.MAX_AGE_NANOS); // at the latest after the interval...
        SpoolFullException e = assertThrows(SpoolFullException.class, () -> writer.write(
                envelope("A2", route("local", "b@example.com")), content("Subject: b\r\n\r\n")));
        assertInstanceOf(SpoolFullException.class, e);
        try (Stream<Path> s = Files.list(queue)) {
            assertEquals(1, s.count(), "only the first message is stored");
        }
    }

    @Test
    void ourOwnWritesCountAgainstTheCachedValue() {
        disk.set(64 * MB + 10_000);
        long first = free.reserve(4000, 64 * MB);
        assertEquals(64 * MB + 10_000, first);
        long second = free.reserve(4000, 64 * MB);
        assertEquals(64 * MB + 6_000, second, "estimate minus what we wrote, no re-read");
        assertEquals(1, reads.get());
        // The third would go below the reserve on the estimate: it is checked on a fresh read.
        disk.set(64 * MB + 1_000);
        long third = free.reserve(4000, 64 * MB);
        assertEquals(2, reads.get());
        assertEquals(64 * MB + 1_000, third);
    }
}
