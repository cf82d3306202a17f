package org.mailroot.smtp.session;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mailroot.smtp.ServerContext;
import org.mailroot.smtp.codec.Frame;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.codec.SmtpInputDecoder;
import org.mailroot.smtp.command.Command;
import org.mailroot.smtp.command.CommandTable;
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
    private final ServerContext server;
    private final SmtpInputDecoder decoder;
    private final MessageFinisher finisher = new MessageFinisher();
    private ChannelHandlerContext ctx;
    private SmtpSession session;
    private SessionContext context;
    private SessionEvents events;
    private CommandTable commands;
    private InputGate gate;
    private boolean busy;
    private boolean draining;

    public SmtpSessionHandler(ServerContext server, SmtpInputDecoder decoder) {
        this.server = server;
        this.decoder = decoder;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.gate = new InputGate(ctx, decoder);
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
            send(SessionReplies.LINE_TOO_LONG, "", "", l.octets());
        } else if (frame instanceof Frame.BareLineEnding) {
            send(SessionReplies.BARE_LINE_ENDING, "", "", 0);
        } else if (frame instanceof Frame.DataEnd) {
            await(finisher.finish(context, "DATA"), "DATA", "(end)", 0);
        } else if (frame instanceof Frame.ChunkEnd c) {
            await(commands.bdat().chunkDone(context), "BDAT", "(chunk)", c.size());
        }
    }

    private void command(Frame.CommandLine line) {
        if (context.sessionBudgetSpent()) {
            send(SessionReplies.SESSION_CLOSED, "", "", line.octets());
            return;
        }
        Command cmd = Command.parse(line.text());
        if (cmd.verb().isEmpty()) {
            send(SessionReplies.EMPTY_LINE, "", "", line.octets());
            return;
        }
        await(commands.lookup(cmd.verb(), session.state()).handle(context, cmd.argument()),
                cmd.verb(), cmd.argument(), line.octets());
    }

    /** Sends the reply now if ready; else holds the input until it is. */
    private void await(CompletionStage<Reply> stage, String verb, String arg, long bytesIn) {
        CompletableFuture<Reply> f = stage.toCompletableFuture();
        Step step = new Step(verb, arg, bytesIn, System.nanoTime());
        if (f.isDone()) {
            send(InputGate.valueOf(f, session), step);
            return;
        }
        busy = true;
        gate.hold();
        f.whenComplete((r, e) -> gate.onEventLoop(() -> withMdc(() -> {
            busy = false;
            send(InputGate.valueOf(f, session), step);
            if (session.state() != SessionState.CLOSED) {
                gate.resume();
            }
        }), session, verb));
    }

    /** The command a reply answers, for its event. */
    private record Step(String verb, String argument, long bytesIn, long started) {
    }

    private void send(Reply reply, String verb, String arg, long bytesIn) {
        send(reply, new Step(verb, arg, bytesIn, System.nanoTime()));
    }

    private void send(Reply reply, Step step) {
        if (reply == null || session.state() == SessionState.CLOSED) {
            return; // BDAT: the reply follows its chunk
        }
        ctx.write(reply);
        long elapsed = System.nanoTime() - step.started();
        events.command(step.verb(), step.argument(), reply, step.bytesIn(), elapsed);
        if (reply.code() == 250 && reply.lines().get(0).startsWith("Ok: queued as")) {
            events.received(reply, step.bytesIn());
        }
        if (reply.close()) {
            close();
        } else if (draining && idle()) {
            ctx.write(SessionReplies.SHUTTING_DOWN);
            close();
        }
    }

    private boolean idle() {
        return !busy && !session.inTransaction() && session.state() != SessionState.CONNECTING;
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
            withMdc(() -> send(SessionReplies.IDLE, "", "", 0)); // while a hook runs the hook timeout governs
            ctx.flush();
        } else if (evt == SHUTDOWN && session != null) {
            draining = true;
            if (idle() && session.state() != SessionState.CLOSED) {
                withMdc(() -> send(SessionReplies.SHUTTING_DOWN, "", "", 0));
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
