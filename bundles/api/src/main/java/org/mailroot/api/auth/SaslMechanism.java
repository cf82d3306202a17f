package org.mailroot.api.auth;

import org.mailroot.api.SessionInfo;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A SASL mechanism offered in AUTH (RFC 4954 §4), registered as an OSGi service. The listener
 * advertises {@link #name()} in its EHLO reply when AUTH is allowed on the session (over TLS, or
 * on a listener configured with {@code allowPlaintextAuth=true}); the first service of a name
 * (by ranking) wins. PLAIN and LOGIN are built into the listener and need no service.
 */
@ConsumerType
public interface SaslMechanism {
    /** The IANA mechanism name in upper case, e.g. {@code SCRAM-SHA-256}. */
    String name();

    /**
     * Begins one exchange for {@code session}. Called on a worker thread; must not return null.
     * The exchange is used by this session only and discarded at its end.
     */
    SaslExchange start(SessionInfo session);
}
