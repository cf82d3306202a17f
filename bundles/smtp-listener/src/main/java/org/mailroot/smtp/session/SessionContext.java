package org.mailroot.smtp.session;

import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.mailroot.smtp.ListenerSettings;
import org.mailroot.smtp.ServerContext;
import org.mailroot.smtp.codec.MessageBuffer;
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
    private ListenerSettings settings;
    private HookSnapshot hooks;

    public SessionContext(ServerContext server, SmtpSession session, SmtpInputDecoder decoder,
            ByteBufAllocator alloc) {
        this.server = server;
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

    /** Runs a hook chain on a worker with the hook timeout; failures give {@code fallback}. */
    public <T> CompletableFuture<T> runHooks(String step, Function<HookRunner.Progress, T> chain,
            T fallback) {
        return HookRunner.run(server.workers(), session, step, settings.hookTimeoutSeconds(),
                chain, fallback);
    }

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
