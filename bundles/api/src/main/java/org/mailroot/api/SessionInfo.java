package org.mailroot.api;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A read-only view of one SMTP session, handed to every hook.
 *
 * <p>Implemented by the listener. Hooks must not keep references to it after they return.
 */
@ProviderType
public interface SessionInfo {
    /** A short unique id, also used in the logging context (MDC key {@code session}). */
    String id();

    /** The name of the virtual server that accepted the connection ({@code "default"}). */
    String listenerName();

    /** The fully qualified domain name this virtual server announces. */
    String serverName();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    /** The client's name from a verified reverse lookup, when one was made and matched. */
    Optional<String> reverseName();

    /** The argument of the last EHLO or HELO, or empty before the first one. */
    Optional<String> heloName();

    /** Whether the client said EHLO (rather than HELO). */
    boolean extended();

    /** Whether the connection is protected by TLS (implicit or after STARTTLS). */
    boolean secure();

    /** The authenticated identity, when the client has authenticated. */
    Optional<String> authenticatedUser();

    /**
     * Per-session scratch space shared by all hooks, thread-safe. Values must be JDK or API
     * types. The map is cleared when the session ends; STARTTLS clears it too (RFC 3207 §4.2).
     */
    Map<String, Object> attributes();
}
