package org.mailroot.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final RateLimiter limiter = new RateLimiter(now::get);

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void limitPerClientPerWindow() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire(ip("192.0.2.1"), 3));
        }
        assertFalse(limiter.tryAcquire(ip("192.0.2.1"), 3), "the 4th in the minute");
        assertTrue(limiter.tryAcquire(ip("192.0.2.2"), 3), "another client has its own count");
        now.addAndGet(TimeUnit.SECONDS.toNanos(59));
        assertFalse(limiter.tryAcquire(ip("192.0.2.1"), 3), "still the same window");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertTrue(limiter.tryAcquire(ip("192.0.2.1"), 3), "a new window after a minute");
    }

    @Test
    void zeroMeansUnlimitedAndCountsNothing() throws Exception {
        for (int i = 0; i < 1000; i++) {
            assertTrue(limiter.tryAcquire(ip("192.0.2.1"), 0));
        }
        assertEquals(0, limiter.tracked());
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() throws Exception {
        assertTrue(limiter.tryAcquire(ip("2001:db8:1:2::1"), 1));
        assertFalse(limiter.tryAcquire(ip("2001:db8:1:2:ffff::9"), 1), "same /64");
        assertTrue(limiter.tryAcquire(ip("2001:db8:1:3::1"), 1), "another /64");
    }

    @Test
    void idleClientsAreForgotten() throws Exception {
        for (int i = 0; i < 500; i++) {
            limiter.tryAcquire(InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i}), 5);
        }
        assertEquals(500, limiter.tracked());
        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        limiter.tryAcquire(ip("192.0.2.1"), 5);
        assertEquals(1, limiter.tracked(), "windows that ended were swept");
    }

    @Test
    void trackedClientsAreBounded() throws Exception {
        int n = RateLimiter.MAX_CLIENTS + 10;
        for (int i = 0; i < n; i++) {
            limiter.tryAcquire(InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}), 5);
        }
        assertEquals(RateLimiter.MAX_CLIENTS, limiter.tracked());
    }
}
