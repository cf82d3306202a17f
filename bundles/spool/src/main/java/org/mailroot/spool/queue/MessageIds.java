package org.mailroot.spool.queue;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short, sortable, file-name-safe queue ids: base-36 of a counter seeded from the clock in
 * microseconds at start. Unique across restarts as long as fewer than a million ids a second
 * are drawn on average, far beyond what one disk can queue; the writer also refuses to
 * overwrite an existing queue file.
 */
public final class MessageIds {
    private final AtomicLong next = new AtomicLong(System.currentTimeMillis() * 1000);

    public String next() {
        return Long.toString(next.incrementAndGet(), 36).toUpperCase(Locale.ROOT);
    }
}
