package org.mailroot.smtp.message;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.Envelope;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.MessageFilter;
import org.mailroot.api.spool.Spool;
import org.mailroot.api.spool.SpoolFullException;
import org.mailroot.smtp.codec.MessageBuffer;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.command.Replies;
import org.mailroot.smtp.hook.HookChains;
import org.mailroot.smtp.hook.HookRef;
import org.mailroot.smtp.session.SessionContext;
import org.mailroot.smtp.session.SmtpSession;
import org.mailroot.smtp.session.Transaction;

/**
 * The end of a message (DATA's {@code CRLF.CRLF} or BDAT LAST): refuse it if the text broke a
 * rule, else run the message filters, prepend the Received header and the filters' headers,
 * hand it to the spool and answer 250 only when the spool's stage has completed (design §1).
 */
public final class MessageFinisher {
    /** RFC 5321 §2.3.8/§4.1.1.4: bare CR/LF in text; RFC 3463 §3.6 X.5.2 (see README). */
    static final Reply BARE_LINE_ENDING =
            Reply.of(550, "5.5.2", "Message refused: bare CR or LF in message text");
    /** RFC 5321 §4.5.3.1.6 text line limit; 550 with RFC 4954 X.5.6 (line too long). */
    static final Reply LINE_TOO_LONG =
            Reply.of(550, "5.5.6", "Message refused: text line too long");
    /** RFC 5321 §4.2.5/§3.3 554 after the end of data; RFC 3463 X.7.1. */
    static final Reply FILTER_REJECTED = Reply.of(554, "5.7.1", "Message rejected");
    /** RFC 5321 §4.2.2 451; RFC 3463 X.7.1: a filter deferred without a reply of its own. */
    static final Reply FILTER_DEFERRED = Reply.of(451, "4.7.1", "Message deferred, try again later");
    /** RFC 5321 §4.5.3.1.10 452 insufficient storage; RFC 3463 X.3.1 mail system full. */
    static final Reply SPOOL_FULL = Reply.of(452, "4.3.1", "Insufficient system storage");

    /** One finisher serves every session: it keeps no state of its own. */
    public static final MessageFinisher INSTANCE = new MessageFinisher();

    private record Prepared(Envelope envelope, byte[] headers, Verdict verdict) {
    }

    public CompletionStage<Reply> finish(SessionContext context, String command) {
        SmtpSession session = context.session();
        Transaction t = session.transaction();
        MessageBuffer buffer = t.message();
        Reply refusal = buffer.overflow()
                ? context.sessionBudgetSpent() ? Replies.SESSION_TOO_BIG : Replies.TOO_BIG
                : buffer.bareLineEnding() ? BARE_LINE_ENDING
                : buffer.lineTooLong() ? LINE_TOO_LONG : null;
        Spool spool = context.server().spool().orElse(null);
        if (refusal != null || spool == null) {
            session.resetTransaction(); // nothing stored
            return CompletableFuture.completedFuture(refusal != null ? refusal : Replies.LOCAL_ERROR);
        }
        ByteBuf body = buffer.take();
        session.resetTransaction();
        List<HookRef<MessageFilter>> filters = context.hooks().messageFilters();
        BufferContent received = new BufferContent(new byte[0], body);
        // newMessageId() is in memory; an empty or non-blocking chain stays on the event loop
        CompletableFuture<Prepared> prepared = context.runHooks(command,
                HookRef.allNonBlocking(filters), p -> {
            Envelope envelope = envelope(session, t, spool.newMessageId());
            HeaderCollector headers = new HeaderCollector();
            Verdict v = HookChains.verdict(filters, p, session, command,
                    f -> f.filter(session, envelope, received, headers));
            return new Prepared(envelope, headers.bytes(), v);
        }, null);
        CompletableFuture<Reply> reply = prepared.thenCompose(p -> {
            if (p == null) {
                return CompletableFuture.completedFuture(Replies.LOCAL_ERROR);
            }
            if (p.verdict().kind() == Verdict.Kind.REJECT || p.verdict().kind() == Verdict.Kind.DEFER) {
                return CompletableFuture.completedFuture(
                        Replies.of(p.verdict(), Replies.OK, FILTER_REJECTED, FILTER_DEFERRED));
            }
            return store(context, spool, p, body);
        });
        return reply.whenComplete((r, e) -> body.release());
    }

    private static CompletableFuture<Reply> store(SessionContext context, Spool spool, Prepared p,
            ByteBuf body) {
        Envelope env = p.envelope();
        String trace = ReceivedHeader.build(context.session(), env.id(), env.recipients(),
                env.smtpUtf8(), env.received());
        byte[] traceBytes = trace.getBytes(StandardCharsets.UTF_8);
        byte[] head = new byte[traceBytes.length + p.headers().length];
        System.arraycopy(traceBytes, 0, head, 0, traceBytes.length);
        System.arraycopy(p.headers(), 0, head, traceBytes.length, p.headers().length);
        CompletionStage<Void> stored;
        try {
            stored = spool.store(env, new BufferContent(head, body));
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.handle((ok, e) -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause == null) {
                // RFC 5321 §4.2.2 250 after the spool confirmed durability; RFC 3463 X.0.0
                return Reply.of(250, "2.0.0", "Ok: queued as " + env.id());
            }
            return cause instanceof SpoolFullException ? SPOOL_FULL : Replies.LOCAL_ERROR;
        }).toCompletableFuture();
    }

    private static Envelope envelope(SmtpSession session, Transaction t, String id) {
        Envelope.Builder b = Envelope.builder().id(id).sender(t.sender()).body(t.body())
                .smtpUtf8(t.smtpUtf8()).ret(t.ret()).envelopeId(t.envelopeId())
                .received(Instant.now()).listenerName(session.listenerName())
                .clientAddress(session.clientIp()).heloName(session.heloName().orElse(null));
        t.recipients().forEach(b::addRecipient);
        return b.build();
    }
}
