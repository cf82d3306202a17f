package org.mailroot.spool.queue;

import java.util.function.LongSupplier;

/**
 * The queue disk's free space without a statfs per message: the value read is reused for
 * {@link #MAX_AGE_NANOS} or until {@link #MAX_BYTES} were written since, minus what was written
 * meanwhile (so the estimate only errs low, never high, as far as our own writes go). A store
 * that the estimate would refuse always triggers a fresh read first, so a refusal is never based
 * on a stale value; a disk filled by another program is noticed within 100 ms or 16 MB.
 */
final class FreeSpace {
    static final long MAX_AGE_NANOS = 100_000_000L;
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final LongSupplier usableSpace;
    private final LongSupplier nanoTime;
    // Guarded by this: a short critical section, far cheaper than the statfs it saves.
    private long readAt;
    private long lastRead;
    private long writtenSince;
    private boolean valid;

    FreeSpace(LongSupplier usableSpace, LongSupplier nanoTime) {
        this.usableSpace = usableSpace;
        this.nanoTime = nanoTime;
    }

    /**
     * The free bytes to check {@code size} against, counting {@code size} as written when the
     * store fits (a refused store reserves nothing).
     */
    synchronized long reserve(long size, long minFree) {
        long now = nanoTime.getAsLong();
        long estimate = lastRead - writtenSince;
        boolean stale = !valid || now - readAt >= MAX_AGE_NANOS || writtenSince >= MAX_BYTES;
        if (stale || estimate - size < minFree) {
            estimate = read(now);
        }
        if (estimate - size >= minFree) {
            writtenSince += size;
        }
        return estimate;
    }

    /** A fresh read, for the diagnosis of a failed write. */
    synchronized long fresh() {
        return read(nanoTime.getAsLong());
    }

    private long read(long now) {
        lastRead = usableSpace.getAsLong();
        readAt = now;
        writtenSince = 0;
        valid = true;
        return lastRead;
    }
}
