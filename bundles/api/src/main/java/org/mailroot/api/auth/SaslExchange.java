package org.mailroot.api.auth;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One authentication exchange of a {@link SaslMechanism}: state kept for one AUTH command of one
 * session. The listener calls it on worker threads, one call at a time, and forgets it when the
 * exchange ends (success, failure, the client's {@code *} cancel, or the session's end).
 */
@ConsumerType
public interface SaslExchange {
    /**
     * For server-first mechanisms (CRAM-MD5): the first challenge, sent before any client data.
     * A client that sends an initial response with such a mechanism gets 501 (RFC 4954 §4).
     * Client-first mechanisms (SCRAM) return empty, the default.
     */
    default Optional<byte[]> initialChallenge() {
        return Optional.empty();
    }

    /**
     * Evaluates one client response, already base64-decoded: the initial response of the AUTH
     * command, or the answer to the previous challenge. A client-first mechanism asked without an
     * initial response first receives an empty response (the client's answer to the empty
     * {@code 334} challenge, RFC 4954 §4) - so its first call always carries the client's first
     * message. An empty initial response ({@code =}) arrives as an empty array.
     *
     * @return the next challenge, success, or failure; never null
     */
    SaslStep evaluate(byte[] response);
}
