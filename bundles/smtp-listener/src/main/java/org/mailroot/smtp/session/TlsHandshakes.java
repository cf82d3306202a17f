package org.mailroot.smtp.session;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a TLS handshake: on success the session is secure (SessionInfo.secure(), ESMTPS in
 * Received, RFC 3848) and the protocol and cipher are logged; on failure (an old protocol, no
 * common cipher, plaintext on a TLS port) one INFO line names the client and the reason, and the
 * SslHandler closes the connection. Failed handshakes are a client's fault, not ours: never WARN.
 */
final class TlsHandshakes {
    private static final Logger LOG = LoggerFactory.getLogger(TlsHandshakes.class);

    private TlsHandshakes() {
    }

    static void completed(ChannelHandlerContext ctx, SmtpSession session, SslHandshakeCompletionEvent event) {
        if (event.isSuccess()) {
            session.secured();
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            SSLSession tls = ssl == null ? null : ssl.engine().getSession();
            LOG.debug("[{}] TLS established with {}: {} {}", session.id(), session.clientIp(),
                    tls == null ? "?" : tls.getProtocol(), tls == null ? "?" : tls.getCipherSuite());
        } else {
            Throwable cause = event.cause();
            LOG.info("[{}] TLS handshake with {} failed: {}", session.id(), session.clientIp(),
                    cause instanceof DecoderException && cause.getCause() != null ? cause.getCause().getMessage()
                            : String.valueOf(cause.getMessage()));
        }
    }

    /** A TLS error as the SslHandler reports it (logged at the handshake event already). */
    static boolean isTlsFailure(Throwable cause) {
        return cause instanceof SSLException || cause instanceof NotSslRecordException
                || cause instanceof DecoderException && cause.getCause() instanceof SSLException;
    }
}
