package org.mailroot.api.tls;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLEngine;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Hands the SMTP listeners server-side TLS engines, configured with the certificates and the
 * protocol policy in force <em>now</em>.
 *
 * <p>Each call returns a new engine: when the certificates are reloaded (for example after a
 * Let's Encrypt renewal) new sessions get engines with the new certificate, while sessions
 * already open keep the engine they have. The engine is in server mode, restricted to TLS 1.2
 * and 1.3 and to the provider's cipher suites, and picks the certificate by the name the client
 * asks for with SNI (RFC 6066 §3), falling back to the default certificate.
 *
 * <p>Implemented by the TLS bundle; the listener calls it on a network thread, so
 * {@link #newServerEngine} must not block (no file or DNS access: the provider prepares its
 * context ahead, off the network threads). The service is registered with the properties
 * {@value #PROPERTY_CERTIFICATE} (the {@link #description()}) and
 * {@value #PROPERTY_GENERATED} ({@code Boolean}), kept current on reload, so a launcher or an
 * admin tool can report them without loading this interface.
 */
@ProviderType
public interface TlsProvider {
    /** Service property: a one-line description of the default certificate (String). */
    String PROPERTY_CERTIFICATE = "mailroot.tls.certificate";

    /** Service property: whether the default certificate is a generated self-signed one (Boolean). */
    String PROPERTY_GENERATED = "mailroot.tls.generated";

    /**
     * A new server-mode engine for one connection, ready for its handshake.
     *
     * @param peer the client's address (a hint for session caching; may be unresolved)
     * @return a new engine; never null
     * @throws IllegalStateException when no usable certificate is loaded (the caller refuses TLS
     *         for this connection with a temporary error)
     */
    SSLEngine newServerEngine(InetSocketAddress peer);

    /**
     * A human description of the certificates in use, e.g. {@code CN=mx.example.org, names
     * [mx.example.org], valid until 2027-02-20, from /etc/letsencrypt/live/mx.example.org (+1 more
     * for SNI)}. Never null.
     */
    String description();
}
