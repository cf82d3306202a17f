package org.mailroot.spool.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When to try a deferred message again, as IIS does: a first, second and third retry interval,
 * then the last interval for every later retry, until the expiration timeout (counted from
 * reception) turns the remaining recipients into failures.
 *
 * @param intervals the waits after attempt 1, 2, 3...; the last one repeats
 * @param expire how long after reception a message may stay queued
 */
public record RetryPolicy(List<Duration> intervals, Duration expire) {
    public RetryPolicy {
        intervals = List.copyOf(intervals);
        if (intervals.isEmpty() || intervals.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("retry intervals must be positive and at least one: " + intervals);
        }
        if (expire.isNegative() || expire.isZero()) {
            throw new IllegalArgumentException("expiration must be positive: " + expire);
        }
    }

    /** Parses {@code "15,30,60,240"} (minutes), the configuration's form. */
    public static RetryPolicy of(String retryMinutes, long expireHours) {
        List<Duration> list = new ArrayList<>();
        for (String s : retryMinutes.split("[,\\s]+")) {
            if (!s.isBlank()) {
                list.add(Duration.ofMinutes(Long.parseLong(s.strip())));
            }
        }
        return new RetryPolicy(list, Duration.ofHours(expireHours));
    }

    /** The wait after {@code attemptsMade} failed attempts (1 = after the first). */
    public Duration delayAfter(int attemptsMade) {
        int i = Math.max(1, attemptsMade) - 1;
        return intervals.get(Math.min(i, intervals.size() - 1));
    }

    public Instant expiry(Instant received) {
        return received.plus(expire);
    }

    public boolean expired(Instant received, Instant now) {
        return !now.isBefore(expiry(received));
    }

    /** The next attempt, never later than the expiry, so the last try happens at expiry. */
    public Instant nextAttempt(int attemptsMade, Instant received, Instant now) {
        Instant next = now.plus(delayAfter(attemptsMade));
        Instant expiry = expiry(received);
        return next.isAfter(expiry) ? expiry : next;
    }
}
