/**
 * Server-side TLS for the SMTP listeners: STARTTLS (RFC 3207) and implicit TLS (RFC 8314 §3).
 *
 * <p>A TLS bundle registers one {@link org.mailroot.api.tls.TlsProvider}; every listener uses
 * it through a dynamic, optional reference. The provider owns the certificates (files, SNI,
 * reload) and the protocol policy (protocol versions, cipher suites); the listener only asks it
 * for a fresh {@link javax.net.ssl.SSLEngine} per connection, so the API carries no Netty (or
 * other network library) types. While no provider is bound, listeners do not offer STARTTLS and
 * implicit-TLS listeners turn connections away.
 */
@Export
@Version("1.0.0")
package org.mailroot.api.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
