package org.mailroot.spool.queue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.mailroot.api.MessageContent;

/**
 * The message bytes a store just wrote and fsynced, kept for its first delivery attempt so that
 * attempt does not open, stat and seek the queue file again. Counted against a budget shared by
 * the writer, so a delivery backlog cannot hold more than the budget in memory; released once.
 */
public final class HeldContent implements MessageContent {
    private final byte[] bytes;
    private final int offset;
    private final AtomicLong budget;
    private final AtomicBoolean released = new AtomicBoolean();

    HeldContent(byte[] bytes, int offset, AtomicLong budget) {
        this.bytes = bytes;
        this.offset = offset;
        this.budget = budget;
    }

    @Override
    public long size() {
        return bytes.length - offset;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes, offset, bytes.length - offset);
    }

    /** Gives the bytes back to the budget; later calls do nothing. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            budget.addAndGet(-bytes.length);
        }
    }
}
