package org.mailroot.smtp.session;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mailroot.smtp.ServerContext;
import org.mailroot.smtp.auth.AuthCommand;
import org.mailroot.smtp.codec.Frame;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.codec.SmtpInputDecoder;
import org.mailroot.smtp.command.Command;
import org.mailroot.smtp.command.CommandTable;
import org.mailroot.smtp.message.MessageFinisher;
import org.mailroot.smtp.net.TlsUpgrade;
import org.slf4j.MDC;

/**
 * The session's state machine on the event loop: one frame at a time, each answered in order.
 * While a reply is pending (hooks, spool) the {@link InputGate} holds the input, so pipelined
 * commands run afterwards in order (RFC 2920 §3). The MDC key {@code session} is set meanwhile.
 */
final class SessionDriver {
    private final ChannelHandlerContext ctx;
    private final SmtpInputDecoder decoder;
    private final SmtpSession session;
    private final SessionContext context;
    private final SessionEvents events;
    private final MessageFinisher finisher = MessageFinisher.INSTANCE;
    private final CommandTable commands = CommandTable.STANDARD;
    private final InputGate gate;
    private boolean busy;
    private boolean draining;

    SessionDriver(ChannelHandlerContext ctx, ServerContext server, SmtpInputDecoder decoder) {
        this.ctx = ctx;
        this.decoder = decoder;
        var settings = server.settings();
        session = new SmtpSession(settings.name(), settings.serverName(),
                ctx.channel().remoteAddress(), ctx.channel().localAddress());
        context = new SessionContext(server, session, decoder, ctx.alloc(), ctx.executor());
        events = new SessionEvents(server, session);
        gate = new InputGate(ctx, decoder);
        context.tlsStarter(engine -> {
            TlsUpgrade.install(ctx.pipeline(), engine, server.workers(), true);
            decoder.discardBuffered(); // CVE-2011-0411: nothing sent before TLS may run after it
        });
    }

    /** Connection filters, then the greeting. */
    void start() {
        events.connect();
        withMdc(() -> await(ConnectStep.run(context), "CONNECT", "", 0));
        ctx.flush(); // no read completes before the greeting
    }

    void frame(Frame frame) {
        if (session.state() != SessionState.CLOSED) {
            withMdc(() -> dispatch(frame));
        }
    }

    /** Idle timeout; while a hook runs the hook timeout governs instead. */
    void idle() {
        if (!busy && session.state() != SessionState.CLOSED) {
            withMdc(() -> send(SessionReplies.IDLE, "", "", 0));
            ctx.flush();
        }
    }

    /** Shutdown: 421 now if idle, else after the transaction in progress. */
    void shutdown() {
        draining = true;
        if (quiet() && session.state() != SessionState.CLOSED) {
            withMdc(() -> send(SessionReplies.SHUTTING_DOWN, "", "", 0));
        }
        ctx.flush();
    }

    /** The TLS handshake ended (implicit TLS or after STARTTLS); on failure the SslHandler closes. */
    void tlsHandshake(SslHandshakeCompletionEvent event) {
        withMdc(() -> TlsHandshakes.completed(ctx, session, event));
    }

    void closed() {
        session.resetTransaction();
        session.state(SessionState.CLOSED);
        session.attributes().clear();
        events.disconnect(decoder.bytesIn());
    }

    String id() {
        return session.id();
    }

    private void dispatch(Frame frame) {
        context.beginCommand();
        LineContinuation pending = context.takeContinuation();
        if (pending != null && frame instanceof Frame.CommandLine line) {
            // RFC 4954 §4: the line answers a 334 challenge; never logged (it may hold a password)
            await(pending.line(context, line.text()), "AUTH", "(response)", line.octets());
        } else if (frame instanceof Frame.CommandLine line) {
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
        String logged = cmd.verb().equals("AUTH") ? AuthCommand.loggable(cmd.argument()) : cmd.argument();
        await(commands.lookup(cmd.verb(), session.state()).handle(context, cmd.argument()),
                cmd.verb(), logged, line.octets());
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
        } else if (draining && quiet()) {
            ctx.write(SessionReplies.SHUTTING_DOWN);
            close();
        }
    }

    private boolean quiet() {
        return !busy && !session.inTransaction() && session.state() != SessionState.CONNECTING;
    }

    private void close() {
        session.state(SessionState.CLOSED);
        decoder.close();
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
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
