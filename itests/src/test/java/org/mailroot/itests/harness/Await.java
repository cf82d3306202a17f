package org.mailroot.itests.harness;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded poll-await: the only way tests wait for something that happens in another thread or
 * process (a file in Drop/, a config edit applied by FileInstall). Never a bare sleep.
 */
public final class Await {
    private static final long POLL_NANOS = Duration.ofMillis(25).toNanos();

    private Await() {
    }

    /** Polls until the probe returns a non-null value; fails naming what was awaited. */
    public static <T> T until(Duration timeout, String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                T value = probe.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e; // the probe may fail while the thing is not there yet
            }
            if (System.nanoTime() - deadline > 0) {
                AssertionError error = new AssertionError("Timed out after " + timeout.toMillis()
                        + " ms waiting for " + what + (last == null ? "" : " (last error: " + last + ")"));
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        until(timeout, what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }
}
