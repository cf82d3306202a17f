package org.mailroot.spool;

import java.nio.file.Path;
import java.time.Duration;
import org.mailroot.spool.delivery.RetryPolicy;

/**
 * The spool's settings, resolved from the configuration (or given directly by tests).
 *
 * @param root the Mailroot folder holding Pickup, Drop, Queue and BadMail
 * @param pickupQuiet how long a Pickup/ file must be unmodified before it is taken
 * @param pickupScan the fallback scan interval of Pickup/
 * @param writerThreads concurrent queue-file writes (each ends in an fsync)
 */
public record SpoolSettings(Path root, RetryPolicy retry, long minFreeDiskMb, int deliveryThreads,
        Duration pickupQuiet, Duration pickupScan, int writerThreads) {

    public static SpoolSettings defaults(Path root) {
        return new SpoolSettings(root, RetryPolicy.of("15,30,60,240", 48), 64, 4,
                Duration.ofSeconds(1), Duration.ofSeconds(2), 8);
    }

    public SpoolSettings withRetry(RetryPolicy value) {
        return new SpoolSettings(root, value, minFreeDiskMb, deliveryThreads, pickupQuiet, pickupScan, writerThreads);
    }

    public SpoolSettings withMinFreeDiskMb(long value) {
        return new SpoolSettings(root, retry, value, deliveryThreads, pickupQuiet, pickupScan, writerThreads);
    }

    public SpoolSettings withPickupTiming(Duration quiet, Duration scan) {
        return new SpoolSettings(root, retry, minFreeDiskMb, deliveryThreads, quiet, scan, writerThreads);
    }

    public SpoolSettings withDeliveryThreads(int value) {
        return new SpoolSettings(root, retry, minFreeDiskMb, value, pickupQuiet, pickupScan, writerThreads);
    }
}
