package org.mailroot.smtp.net;

import io.netty.channel.ChannelPipeline;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;
import org.mailroot.api.tls.TlsProvider;
import org.mailroot.smtp.ServerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of an implicit-TLS connection (RFC 8314 §3, port 465): TLS before anything else.
 * Without a TLS provider there is nothing a client of this port could understand, so the
 * connection is closed at once, without a byte (a plaintext 421 would only confuse a TLS client);
 * this is logged at WARN, at most once a minute per server, so a port scan cannot flood the log.
 */
final class ImplicitTls {
    private static final Logger LOG = LoggerFactory.getLogger(ImplicitTls.class);
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;
    private static final AtomicLong LAST_WARNING = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    private ImplicitTls() {
    }

    /** Puts TLS first in the pipeline; false (and the channel closed) when it cannot. */
    static boolean install(ChannelPipeline p, ServerContext server) {
        Optional<TlsProvider> provider = server.tls();
        String why;
        if (provider.isPresent()) {
            try {
                InetSocketAddress peer = p.channel().remoteAddress() instanceof InetSocketAddress a ? a : null;
                SSLEngine engine = provider.get().newServerEngine(peer);
                TlsUpgrade.install(p, engine, server.workers(), false);
                return true;
            } catch (RuntimeException e) { // a provider fault must not reach the event loop
                why = "the TLS provider failed: " + e;
            }
        } else {
            why = "no TLS provider is running (is the mailroot-tls bundle started?)";
        }
        long now = System.nanoTime();
        long last = LAST_WARNING.get();
        if (now - last >= WARN_EVERY_NANOS && LAST_WARNING.compareAndSet(last, now)) {
            LOG.warn("Virtual server '{}' (tls=implicit) closes connections: {}", server.settings().name(), why);
        } else {
            LOG.debug("Virtual server '{}' closed an implicit-TLS connection: {}", server.settings().name(), why);
        }
        p.channel().close();
        return false;
    }
}
