package org.mailroot.auth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mailroot.api.auth.AuthThrottle.Penalty;

class FailureCountsTest {
    private Instant now = Instant.parse("2026-11-22T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final FailureCounts counts = new FailureCounts(
            new FailureCounts.Policy(Duration.ofMillis(500), 4, Duration.ofMinutes(15)), clock);

    @Test
    void delayDoublesThenDisconnectsAndLocksOut() {
        assertEquals(new Penalty(Duration.ofMillis(500), false), counts.failed("192.0.2.1"));
        assertEquals(new Penalty(Duration.ofMillis(1000), false), counts.failed("192.0.2.1"));
        assertEquals(new Penalty(Duration.ofMillis(2000), false), counts.failed("192.0.2.1"));
        assertFalse(counts.lockedOut("192.0.2.1"));
        assertTrue(counts.failed("192.0.2.1").disconnect());
        assertTrue(counts.lockedOut("192.0.2.1"));
        assertFalse(counts.lockedOut("192.0.2.2"), "per address");
    }

    @Test
    void delayIsCappedAt30Seconds() {
        assertEquals(Duration.ofSeconds(30), FailureCounts.delay(
                new FailureCounts.Policy(Duration.ofSeconds(1), 100, Duration.ofMinutes(1)), 40));
    }

    @Test
    void lockoutEndsAfterTheWindow() {
        for (int i = 0; i < 4; i++) {
            counts.failed("192.0.2.1");
        }
        now = now.plus(Duration.ofMinutes(16));
        assertFalse(counts.lockedOut("192.0.2.1"));
        assertEquals(Duration.ofMillis(500), counts.failed("192.0.2.1").delay(), "counting starts again");
    }
}
