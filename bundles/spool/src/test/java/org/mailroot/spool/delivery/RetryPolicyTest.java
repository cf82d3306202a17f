package org.mailroot.spool.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy iis = RetryPolicy.of("15,30,60,240", 48);

    @Test
    void iisScheduleFirstSecondThirdThenSubsequent() {
        assertEquals(Duration.ofMinutes(15), iis.delayAfter(1));
        assertEquals(Duration.ofMinutes(30), iis.delayAfter(2));
        assertEquals(Duration.ofMinutes(60), iis.delayAfter(3));
        assertEquals(Duration.ofMinutes(240), iis.delayAfter(4));
        assertEquals(Duration.ofMinutes(240), iis.delayAfter(17));
    }

    @Test
    void nextAttemptNeverPassesTheExpiry() {
        Instant received = Instant.parse("2026-11-20T00:00:00Z");
        Instant now = received.plus(Duration.ofHours(47));
        assertEquals(now.plus(Duration.ofMinutes(15)), iis.nextAttempt(1, received, now));
        assertEquals(received.plus(Duration.ofHours(48)), iis.nextAttempt(5, received, now));
        assertFalse(iis.expired(received, now));
        assertTrue(iis.expired(received, received.plus(Duration.ofHours(48))));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of("", 48));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of("15,0", 48));
        assertThrows(NumberFormatException.class, () -> RetryPolicy.of("15,abc", 48));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of("15", 0));
        assertEquals(Duration.ofMinutes(5), RetryPolicy.of(" 5 ", 1).delayAfter(9));
    }
}
