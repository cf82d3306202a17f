package org.mailroot.smtp.session;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import org.mailroot.smtp.ServerContext;
import org.mailroot.smtp.codec.Frame;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.codec.SmtpInputDecoder;
import org.mailroot.smtp.command.CommandTable;
import org.mailroot.smtp.command.Replies;
import org.mailroot.smtp.message.MessageFinisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Drives one session: takes frames from the decoder one at a time, runs the command, and while a
 * reply is pending (hooks, spool) holds the decoder and stops reading, so pipelined input is
 * processed in order afterwards (RFC 2920 §3). Replies are flushed when the input is exhausted
 * or before waiting. The MDC key {@code session} is set while a frame is processed.
 */
public final class SmtpSessionHandler extends ChannelInboundHandlerAdapter {
    /** User event fired by the server at shutdown: finish the transaction, then 421. */
    public static final Object SHUTDOWN = new Object();

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSessionHandler.class);
    /** RFC 5321 §4.5.3.1.4: command line too long, 500; X.5.6 as the team chose (RFC 4954). */
    static final Reply LINE_TOO_LONG = Reply.of(500, "5.5.6", "Line too long");
    /** RFC 5321 §2.3.8: bare CR/LF in a command; 500 X.5.2 syntax error, then close (smuggling). */
    static final Reply BARE_LINE_ENDING = Reply.of(500, "5.5.2", "Bare CR or LF not allowed").closing();
    /** RFC 5321 §4.1.1/§4.2.2 500 on an empty line; RFC 3463 X.5.2. */
    static final Reply EMPTY_LINE = Reply.of(500, "5.5.2", "Syntax error, empty command");
    /** RFC 5321 §4.5.3.2 timeouts / §3.8: 421 then close; RFC 3463 X.4.2 bad connection. */
    static final Reply IDLE = Reply.of(421, "4.4.2", "Idle timeout, closing connection").closing();
    /** RFC 5321 §3.8: 421 when the server must close; RFC 3463 X.3.2 not accepting messages. */
    static final Reply SHUTTING_DOWN = Reply.of(421, "4.3.2", "Service shutting down, closing connection").closing();
    /** Session size limit (see README): 421 then close, RFC 3463 X.7.0. */
    static final Reply SESSION_CLOSED = Reply.of(421, "4.7.0", "Session size limit exceeded, closing connection").closing();

    private final ServerContext server;
    private final SmtpInputDecoder decoder;
    private final MessageFinisher finisher = new MessageFinisher();
    private ChannelHandlerContext ctx;
    private SmtpSession session;
    private SessionContext context;
    private SessionEvents events;
    private CommandTable commands;
    private boolean busy;
    private boolean draining;

    public SmtpSessionHandler(ServerContext server, SmtpInputDecoder decoder) {
        this.server = server;
        this.decoder = decoder;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        var settings = server.settings();
        session = new SmtpSession(settings.name(), settings.serverName(),
                ctx.channel().remoteAddress(), ctx.channel().localAddress());
        context = new SessionContext(server, session, decoder, ctx.alloc());
        events = new SessionEvents(server, session);
        commands = new CommandTable(finisher);
        events.connect();
        withMdc(() -> await(ConnectStep.run(context), "CONNECT", "", 0));
        ctx.flush(); // no read completes before the greeting
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Frame frame) || session.state() == SessionState.CLOSED) {
            ReferenceCountUtil.release(msg);
            return;
        }
        withMdc(() -> dispatch(frame));
    }

    private void dispatch(Frame frame) {
        context.beginCommand();
        if (frame instanceof Frame.CommandLine line) {
            command(line);
        } else if (frame instanceof Frame.LineTooLong l) {
            send(LINE_TOO_LONG, "", "", l.octets());
        } else if (frame instanceof Frame.BareLineEnding) {
            send(BARE_LINE_ENDING, "", "", 0);
        } else if (frame instanceof Frame.DataEnd) {
            await(finisher.finish(context, "DATA"), "DATA", "(end)", 0);
        } else if (frame instanceof Frame.ChunkEnd c) {
            await(commands.bdat().chunkDone(context), "BDAT", "(chunk)", c.size());
        }
    }

    private void command(Frame.CommandLine line) {
        if (context.sessionBudgetSpent()) {
            send(SESSION_CLOSED, "", "", line.octets());
            return;
        }
        String text = line.text();
        int space = text.indexOf(' ');
        String verb = (space < 0 ? text : text.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
        String arg = space < 0 ? "" : text.substring(space + 1);
        if (verb.isEmpty()) {
            send(EMPTY_LINE, "", "", line.octets());
            return;
        }
        await(commands.lookup(verb, session.state()).handle(context, arg), verb, arg, line.octets());
    }

    /** Sends the reply now if ready; else holds the input until it is. */
    private void await(CompletionStage<Reply> stage, String verb, String arg, long bytesIn) {
        CompletableFuture<Reply> f = stage.toCompletableFuture();
        long t0 = System.nanoTime();
        if (f.isDone()) {
            send(valueOf(f), verb, arg, bytesIn);
            return;
        }
        busy = true;
        decoder.hold();
        ctx.channel().config().setAutoRead(false);
        ctx.flush();
        f.whenComplete((r, e) -> {
            try {
                ctx.executor().execute(() -> withMdc(() -> {
                    busy = false;
                    send(valueOf(f), verb, arg, bytesIn);
                    resumeInput();
                }));
            } catch (RejectedExecutionException closing) {
                LOG.debug("[{}] event loop gone before the reply to {}", session.id(), verb);
            }
        });
    }

    private Reply valueOf(CompletableFuture<Reply> f) {
        try {
            return f.join();
        } catch (RuntimeException e) {
            LOG.warn("[{}] step failed, deferring: {}", session.id(), e.toString());
            return Replies.LOCAL_ERROR;
        }
    }

    private void send(Reply reply, String verb, String arg, long bytesIn) {
        if (reply == null || session.state() == SessionState.CLOSED) {
            return; // BDAT: the reply follows its chunk
        }
        ctx.write(reply);
        events.command(verb, arg, reply, bytesIn, 0);
        if (reply.code() == 250 && reply.lines().get(0).startsWith("Ok: queued as")) {
            events.received(reply, bytesIn);
        }
        if (reply.close()) {
            close();
        } else if (draining && idle()) {
            ctx.write(SHUTTING_DOWN);
            close();
        }
    }

    private boolean idle() {
        return !busy && !session.inTransaction() && session.state() != SessionState.CONNECTING;
    }

    private void resumeInput() {
        if (session.state() == SessionState.CLOSED || !ctx.channel().isActive()) {
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

    private void close() {
        session.state(SessionState.CLOSED);
        decoder.close();
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && !busy && session != null) {
            withMdc(() -> send(IDLE, "", "", 0)); // while a hook runs the hook timeout governs
            ctx.flush();
        } else if (evt == SHUTDOWN && session != null) {
            draining = true;
            if (idle() && session.state() != SessionState.CLOSED) {
                withMdc(() -> send(SHUTTING_DOWN, "", "", 0));
            }
            ctx.flush();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            session.resetTransaction();
            session.state(SessionState.CLOSED);
            session.attributes().clear();
            events.disconnect(decoder.bytesIn());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String id = session == null ? "-" : session.id();
        if (cause instanceof java.io.IOException) {
            LOG.debug("[{}] closing after I/O error: {}", id, cause.toString());
        } else {
            LOG.warn("[{}] closing after unexpected error", id, cause);
        }
        ctx.close();
    }

    private void withMdc(Runnable r) {
        MDC.put("session", session.id());
        try {
            r.run();
        } finally {
            MDC.remove("session");
        }
    }
}
