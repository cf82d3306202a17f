package org.mailroot.api.auth;

import java.time.Duration;
import java.util.Objects;
import org.mailroot.api.SessionInfo;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Slows down password guessing: told of every AUTH outcome, it decides how long the listener
 * waits before sending a failure reply and when it answers {@code 421 4.7.0} and disconnects
 * (RFC 5321 §3.8, RFC 4954 §4). The listener uses the highest-ranked service serving it; with
 * none, failures are answered at once.
 *
 * <p>Called on the network thread: implementations answer from memory and never block. The
 * listener schedules the delayed reply on the session's event loop; no thread sleeps.
 */
@ConsumerType
public interface AuthThrottle {
    /** What to do after a failure, or at the start of AUTH. */
    record Penalty(Duration delay, boolean disconnect) {
        /** No delay, no disconnect. */
        public static final Penalty NONE = new Penalty(Duration.ZERO, false);

        public Penalty {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative delay " + delay);
            }
        }
    }

    /**
     * At each AUTH command, before the exchange: a penalty with {@code disconnect} refuses the
     * attempt (the client address is locked out) with 421 and closes the connection.
     */
    Penalty admit(SessionInfo session);

    /**
     * After a failed attempt ({@code user} as the client gave it, possibly empty). The failure
     * reply is sent after {@link Penalty#delay()}; with {@code disconnect}, the reply is 421 and
     * the connection is closed.
     */
    Penalty failed(SessionInfo session, String user);

    /** After a successful attempt. */
    void succeeded(SessionInfo session, String identity);
}
