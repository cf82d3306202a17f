package org.mailroot.smtp.session;

import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLEngine;
import org.mailroot.smtp.ListenerSettings;
import org.mailroot.smtp.ServerContext;
import org.mailroot.smtp.codec.MessageBuffer;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.codec.SmtpInputDecoder;
import org.mailroot.smtp.codec.TextLineChecker;
import org.mailroot.smtp.hook.HookRunner;
import org.mailroot.smtp.hook.HookSnapshot;

/**
 * What a command handler works with: the session, the settings and hooks fixed for the current
 * command (snapshot per command, design §3), the input decoder's mode, and the worker pool.
 */
public final class SessionContext {
    private final ServerContext server;
    private final SmtpSession session;
    private final SmtpInputDecoder decoder;
    private final ByteBufAllocator alloc;
    private final Executor eventLoop;
    private ListenerSettings settings;
    private HookSnapshot hooks;
    private Reply bdatPending;
    private boolean bdatLast;
    private Consumer<SSLEngine> tlsStarter = e -> {
        throw new IllegalStateException("no channel to start TLS on");
    };
    private LineContinuation continuation;

    public SessionContext(ServerContext server, SmtpSession session, SmtpInputDecoder decoder,
            ByteBufAllocator alloc, Executor eventLoop) {
        this.server = server;
        this.eventLoop = eventLoop;
        this.session = session;
        this.decoder = decoder;
        this.alloc = alloc;
        this.settings = server.settings();
    }

    /** Fixes the settings for the next command and forgets the previous hook snapshot. */
    public void beginCommand() {
        settings = server.settings();
        hooks = null;
    }

    public ServerContext server() { return server; }
    public SmtpSession session() { return session; }
    public ListenerSettings settings() { return settings; }
    public ByteBufAllocator alloc() { return alloc; }

    /** The hooks for this command, taken on first use and kept until the next command. */
    public HookSnapshot hooks() {
        if (hooks == null) {
            hooks = server.hooks();
        }
        return hooks;
    }

    /**
     * Runs a hook chain; failures give {@code fallback}. {@code inline}: every hook of the chain
     * is non-blocking (or there is none), so it runs now on the event loop; otherwise the whole
     * chain runs on a worker, in order, with the hook timeout, and the result is handed back to
     * the channel's event loop, so every continuation (which changes the session) runs there.
     */
    public <T> CompletableFuture<T> runHooks(String step, boolean inline,
            Function<HookRunner.Progress, T> chain, T fallback) {
        if (inline) {
            return HookRunner.inline(session, step, chain, fallback);
        }
        return HookRunner.run(server.workers(), session, step, settings.hookTimeoutSeconds(),
                chain, fallback).thenApplyAsync(Function.identity(), eventLoop);
    }

    /** Set by the session driver: what {@link #startTls} does on this session's channel. */
    void tlsStarter(Consumer<SSLEngine> starter) {
        this.tlsStarter = starter;
    }

    /**
     * Puts TLS under the session now (STARTTLS): the reply written next still goes out in
     * plaintext, every octet read so far and not yet handled is discarded, and what follows is
     * read through TLS (RFC 3207 §4.2). On the event loop, while handling the STARTTLS line.
     */
    public void startTls(SSLEngine engine) {
        tlsStarter.accept(engine);
    }

    /** The next client line goes to {@code next} instead of the command table (AUTH). */
    public void continuation(LineContinuation next) {
        this.continuation = next;
    }

    /** The pending continuation, cleared: it sees at most the next frame. */
    public LineContinuation takeContinuation() {
        LineContinuation c = continuation;
        continuation = null;
        return c;
    }

    /**
     * Completes with {@code reply} after {@code delay}, scheduled on the channel's event loop (no
     * thread waits; the input stays held meanwhile, so the client cannot go on before it).
     */
    public CompletableFuture<Reply> later(Reply reply, Duration delay) {
        if (delay.isZero() || !(eventLoop instanceof ScheduledExecutorService timer)) {
            return CompletableFuture.completedFuture(reply);
        }
        CompletableFuture<Reply> f = new CompletableFuture<>();
        timer.schedule(() -> f.complete(reply), delay.toMillis(), TimeUnit.MILLISECONDS);
        return f;
    }

    /** BDAT's state until its chunk is read: a refusal to send after it, and LAST. */
    public void bdat(Reply pending, boolean last) {
        this.bdatPending = pending;
        this.bdatLast = last;
    }

    public Reply bdatPending() { return bdatPending; }
    public boolean bdatLast() { return bdatLast; }

    /** Octets left in the session budget (maxSessionSizeKb). */
    public long sessionBytesLeft() {
        return Math.max(0, settings.maxSessionSize() - decoder.bytesIn());
    }

    public boolean sessionBudgetSpent() {
        return decoder.bytesIn() > settings.maxSessionSize();
    }

    /** A buffer for a new message, limited by the message size and what is left of the session. */
    public MessageBuffer newMessageBuffer() {
        return new MessageBuffer(alloc, Math.min(settings.maxMessageSize(), sessionBytesLeft()));
    }

    public void startData(MessageBuffer target) {
        decoder.startData(target, settings.maxTextLine());
    }

    public void startChunk(long size, MessageBuffer target, TextLineChecker checker) {
        decoder.startChunk(size, target, checker);
    }
}
