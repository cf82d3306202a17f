package org.mailroot.delivery.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write buffer follows the expected size (bounded) and never changes what is written. */
class AtomicFilesBufferTest {
    @TempDir
    Path dir;

    @Test
    void bufferIsBoundedByTheExpectedSize() {
        assertEquals(512, AtomicFiles.bufferSize(0));
        assertEquals(4200, AtomicFiles.bufferSize(4200));
        assertEquals(AtomicFiles.MAX_BUFFER, AtomicFiles.bufferSize(10L * 1024 * 1024));
    }

    @Test
    void contentIsCompleteWhateverTheHint() throws Exception {
        byte[] body = new byte[100_000];
        new Random(7).nextBytes(body);
        for (long hint : new long[] {0, 10, 4096, body.length, Long.MAX_VALUE}) {
            Path target = dir.resolve("m" + hint + ".eml");
            AtomicFiles.write(dir.resolve("t.tmp"), target, hint, out -> {
                out.write(body, 0, 3);
                out.write(body, 3, body.length - 3);
            });
            assertArrayEquals(body, Files.readAllBytes(target));
        }
    }
}
