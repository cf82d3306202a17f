package org.mailroot.smtp.session;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import org.mailroot.smtp.ServerContext;
import org.mailroot.smtp.codec.Frame;
import org.mailroot.smtp.codec.SmtpInputDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last pipeline stage: hands the channel's life (connect, frames, idle, shutdown, close) to
 * a {@link SessionDriver}, and flushes replies when the input read so far is exhausted.
 */
public final class SmtpSessionHandler extends ChannelInboundHandlerAdapter {
    /** User event fired by the server at shutdown: finish the transaction, then 421. */
    public static final Object SHUTDOWN = new Object();

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSessionHandler.class);

    private final ServerContext server;
    private final SmtpInputDecoder decoder;
    private SessionDriver driver;

    public SmtpSessionHandler(ServerContext server, SmtpInputDecoder decoder) {
        this.server = server;
        this.decoder = decoder;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        driver = new SessionDriver(ctx, server, decoder);
        driver.start();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Frame frame && driver != null) {
            driver.frame(frame);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush(); // RFC 2920 §3: replies to a pipelined group may go out together
        ctx.fireChannelReadComplete();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && driver != null) {
            driver.idle();
        } else if (evt == SHUTDOWN && driver != null) {
            driver.shutdown();
        } else if (evt instanceof SslHandshakeCompletionEvent handshake && driver != null) {
            driver.tlsHandshake(handshake);
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (driver != null) {
            driver.closed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String id = driver == null ? "-" : driver.id();
        if (cause instanceof IOException || TlsHandshakes.isTlsFailure(cause)) {
            LOG.debug("[{}] closing after I/O error: {}", id, cause.toString());
        } else {
            LOG.warn("[{}] closing after unexpected error", id, cause);
        }
        ctx.close();
    }
}
