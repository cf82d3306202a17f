package org.mailroot.auth.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mailroot.api.auth.AuthThrottle.Penalty;

/**
 * Failed AUTH attempts per client address, in memory: the delay doubles with each failure
 * (first delay, 2x, 4x... at most 30 s); at {@code maxFailures} the client is disconnected and
 * the address refused until {@code window} has passed since its last failure. Bounded: past
 * {@link #MAX_ADDRESSES} entries the expired ones are dropped, then the oldest.
 */
public final class FailureCounts {
    static final int MAX_ADDRESSES = 100_000;
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    /** Settings of the policy. */
    public record Policy(Duration firstDelay, int maxFailures, Duration window) {
    }

    private record Entry(int failures, Instant last) {
    }

    private final Map<String, Entry> byAddress = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Policy policy;

    public FailureCounts(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public void policy(Policy p) {
        this.policy = p;
    }

    /** Whether the address is locked out now. */
    public boolean lockedOut(String address) {
        Entry e = current(address);
        return e != null && e.failures() >= policy.maxFailures();
    }

    /** Records one failure and says what to do. */
    public Penalty failed(String address) {
        Policy p = policy;
        Instant now = clock.instant();
        Entry e = byAddress.compute(address, (k, old) ->
                new Entry(old == null || expired(old, now, p) ? 1 : old.failures() + 1, now));
        if (byAddress.size() > MAX_ADDRESSES) {
            prune(now, p);
        }
        return new Penalty(delay(p, e.failures()), e.failures() >= p.maxFailures());
    }

    public int failures(String address) {
        Entry e = current(address);
        return e == null ? 0 : e.failures();
    }

    static Duration delay(Policy p, int failures) {
        long factor = 1L << Math.min(failures - 1, 20);
        Duration d = p.firstDelay().multipliedBy(factor);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    private Entry current(String address) {
        Entry e = byAddress.get(address);
        if (e != null && expired(e, clock.instant(), policy)) {
            byAddress.remove(address, e);
            return null;
        }
        return e;
    }

    private static boolean expired(Entry e, Instant now, Policy p) {
        return e.last().plus(p.window()).isBefore(now);
    }

    private void prune(Instant now, Policy p) {
        byAddress.values().removeIf(e -> expired(e, now, p));
        Iterator<String> it = byAddress.keySet().iterator();
        while (byAddress.size() > MAX_ADDRESSES && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
