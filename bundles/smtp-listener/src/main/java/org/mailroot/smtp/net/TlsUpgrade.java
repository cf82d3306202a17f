package org.mailroot.smtp.net;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLEngine;

/**
 * Puts TLS under a session: an {@link SslHandler} first in the pipeline (nearest the socket), so
 * everything read from then on is decrypted before the SMTP decoder sees it and every reply is
 * encrypted. The engine's slow work (key exchange, signatures) runs on the listener's workers,
 * not on the event loop; Netty hands the result back to the channel's loop.
 */
public final class TlsUpgrade {
    /** A client that connects and never completes its handshake is dropped after this. */
    static final long HANDSHAKE_TIMEOUT_MILLIS = 30_000;

    private TlsUpgrade() {
    }

    /**
     * Installs TLS. {@code startTls}: RFC 3207, the reply already written ({@code 220 Ready to
     * start TLS}) still goes out in plaintext with the next flush, and the handshake follows;
     * otherwise implicit TLS (RFC 8314 §3), where the handshake comes first and the greeting
     * waits in the handler until it is done.
     */
    public static SslHandler install(ChannelPipeline pipeline, SSLEngine engine, Executor tasks, boolean startTls) {
        SslHandler handler = new SslHandler(engine, startTls, tasks);
        handler.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS);
        pipeline.addFirst(PipelineNames.TLS, handler);
        return handler;
    }
}
