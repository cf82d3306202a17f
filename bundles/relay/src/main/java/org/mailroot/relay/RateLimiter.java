package org.mailroot.relay;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts events per client in fixed windows of one minute that start at the client's first
 * event (as Postfix's anvil does). Memory stays bounded: a client whose window has ended is
 * forgotten by a sweep at most once a minute, and past {@link #MAX_CLIENTS} tracked clients a new
 * client is let through uncounted rather than growing the map (the listener's maxConnections still
 * applies). IPv6 clients are counted per /64, the block one subscriber usually holds.
 */
final class RateLimiter {
    static final int MAX_CLIENTS = 100_000;
    static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long FULL_SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** One client's window: its start and the events counted in it. */
    private static final class Window {
        long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }

    private final Map<String, Window> clients = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final AtomicLong lastSweep;

    RateLimiter(LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.lastSweep = new AtomicLong(nanoClock.getAsLong());
    }

    RateLimiter() {
        this(System::nanoTime);
    }

    /** Counts one event; false (and not counted) when the client already had {@code limit} this window. */
    boolean tryAcquire(InetAddress client, int limit) {
        if (limit <= 0) {
            return true; // 0 = unlimited
        }
        long now = clock.getAsLong();
        sweep(now);
        String key = key(client);
        Window w = clients.get(key);
        if (w == null) {
            if (clients.size() >= MAX_CLIENTS) {
                return true;
            }
            w = clients.computeIfAbsent(key, k -> new Window(now));
        }
        synchronized (w) {
            if (now - w.start >= WINDOW_NANOS) {
                w.start = now;
                w.count = 0;
            }
            if (w.count >= limit) {
                return false;
            }
            w.count++;
            return true;
        }
    }

    /** Clients tracked now (for tests and diagnostics). */
    int tracked() {
        return clients.size();
    }

    private void sweep(long now) {
        long last = lastSweep.get();
        // when full, sweep at most once a second: a sweep per new client would cost O(n) each
        boolean due = now - last >= WINDOW_NANOS || clients.size() >= MAX_CLIENTS && now - last >= FULL_SWEEP_NANOS;
        if (due && lastSweep.compareAndSet(last, now)) {
            clients.values().removeIf(w -> {
                synchronized (w) {
                    return now - w.start >= WINDOW_NANOS;
                }
            });
        }
    }

    /** The counting key: the address, or its /64 for IPv6. */
    static String key(InetAddress client) {
        InetAddress a = Cidr.normalise(client);
        if (a instanceof Inet6Address) {
            byte[] b = Arrays.copyOf(a.getAddress(), 8);
            StringBuilder sb = new StringBuilder();
            for (byte x : b) {
                sb.append(String.format("%02x", x));
            }
            return sb.append("/64").toString();
        }
        return a.getHostAddress();
    }
}
