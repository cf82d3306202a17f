package org.mailroot.smtp.session;

import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.codec.SmtpInputDecoder;
import org.mailroot.smtp.command.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops and restarts a session's input around a pending reply: the decoder keeps what was read
 * (pipelined commands wait in order, RFC 2920 §3) and the channel stops reading, so a client
 * cannot pile up input while a hook or the spool works.
 */
final class InputGate {
    private static final Logger LOG = LoggerFactory.getLogger(InputGate.class);

    private final ChannelHandlerContext ctx;
    private final SmtpInputDecoder decoder;

    InputGate(ChannelHandlerContext ctx, SmtpInputDecoder decoder) {
        this.ctx = ctx;
        this.decoder = decoder;
    }

    /** Holds the input and flushes the replies written so far. */
    void hold() {
        decoder.hold();
        ctx.channel().config().setAutoRead(false);
        ctx.flush();
    }

    /** Processes what was held, reads again, and flushes; on the event loop. */
    void resume() {
        if (!ctx.channel().isActive()) {
            return;
        }
        ctx.channel().config().setAutoRead(true);
        try {
            decoder.resume();
        } catch (Exception e) {
            ctx.fireExceptionCaught(e);
        }
        ctx.flush();
    }

    /** Runs {@code task} on the channel's event loop (a worker completed the step). */
    void onEventLoop(Runnable task, SmtpSession session, String verb) {
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException closing) {
            LOG.debug("[{}] event loop gone before the reply to {}", session.id(), verb);
        }
    }

    /** The reply of a completed step; a step that failed unexpectedly defers (451 4.3.0). */
    static Reply valueOf(CompletableFuture<Reply> f, SmtpSession session) {
        try {
            return f.join();
        } catch (RuntimeException e) {
            LOG.warn("[{}] step failed, deferring: {}", session.id(), e.toString());
            return Replies.LOCAL_ERROR;
        }
    }
}
