package org.mailroot.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.mailroot.smtp.test.SmtpClient;

/**
 * Waits for replies produced by real worker threads: their completion is handed to the
 * EmbeddedChannel's event loop, which only the test thread can run, so this polls it.
 */
final class Await {
    private Await() {
    }

    static List<String> replies(SmtpClient c, int count, int seconds) {
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (out.size() < count && System.nanoTime() < deadline) {
            out.addAll(c.replies());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return out;
    }
}
