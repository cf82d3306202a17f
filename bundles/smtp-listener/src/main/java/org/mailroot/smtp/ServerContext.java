package org.mailroot.smtp;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.mailroot.api.log.MailEvent;
import org.mailroot.api.spool.Spool;
import org.mailroot.api.tls.TlsProvider;
import org.mailroot.smtp.auth.AuthServices;
import org.mailroot.smtp.auth.AuthSettings;
import org.mailroot.smtp.hook.HookSnapshot;

/**
 * What a session needs from its virtual server. Implemented by the DS component; tests supply a
 * small fake. Every method is cheap and non-blocking, callable from the event loop.
 */
public interface ServerContext {
    /** The settings in force now. */
    ListenerSettings settings();

    /** The spool, when one is bound now. */
    Optional<Spool> spool();

    /** Sends an event to the publisher when one is bound; never blocks, never throws. */
    void publish(MailEvent event);

    /** Whether an event publisher is bound now (else events are not even built). */
    default boolean publishing() {
        return true;
    }

    /** The hooks that serve this virtual server now, each list in calling order. */
    HookSnapshot hooks();

    /** The AUTH switches in force now (RFC 4954). */
    default AuthSettings authSettings() {
        return AuthSettings.DEFAULTS;
    }

    /** The SASL mechanism and throttle services serving this virtual server now. */
    default AuthServices authServices() {
        return AuthServices.NONE;
    }

    /** Where hooks and other blocking work (DNS) run; never an event loop. */
    Executor workers();

    /** A verified reverse name of the client, or empty; called on a worker (it may block). */
    Optional<String> reverseName(InetAddress address);

    /**
     * Whether a relay policy must be present ({@code requireRelayPolicy}): then, while none is
     * bound (its bundle stopped or updating), a non-local recipient gets 451 4.3.0, not 550.
     */
    default boolean relayPolicyRequired() {
        return false;
    }

    /** The TLS provider bound now, if any (a dynamic reference: it may come and go). */
    default Optional<TlsProvider> tls() {
        return Optional.empty();
    }

    /** This virtual server's TLS mode and requirement now. */
    default TlsPolicy tlsPolicy() {
        return TlsPolicy.DEFAULT;
    }
}
