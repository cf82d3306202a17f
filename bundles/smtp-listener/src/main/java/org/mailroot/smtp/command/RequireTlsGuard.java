package org.mailroot.smtp.command;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.mailroot.smtp.TlsPolicy;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.session.SessionContext;

/**
 * {@code requireTls=true}: the commands that carry mail or credentials wait for TLS. Wraps their
 * handlers, so any handler registered for these verbs (AUTH included) is covered. A refused BDAT
 * still has its chunk read and dropped (RFC 3030 §2), or the chunk would be taken for commands.
 */
final class RequireTlsGuard implements CommandHandler {
    static final Set<String> GUARDED = Set.of("MAIL", "RCPT", "DATA", "BDAT", "AUTH");
    /** RFC 3207 §4: 530 5.7.0 Must issue a STARTTLS command first. */
    static final Reply REQUIRED = Reply.of(530, "5.7.0", "Must issue a STARTTLS command first");
    /**
     * TLS required but no provider bound (the TLS bundle is stopped): temporary, so clients retry
     * (RFC 5321 §4.2.2 451; RFC 3463 X.7.0), as for any absent service (design §3).
     */
    static final Reply UNAVAILABLE = Reply.of(451, "4.7.0", "TLS required but not available now, try again later");

    private final String verb;
    private final CommandHandler next;

    private RequireTlsGuard(String verb, CommandHandler next) {
        this.verb = verb;
        this.next = next;
    }

    /** Wraps the guarded verbs present in the table. */
    static void wrap(Map<String, CommandHandler> handlers) {
        for (String v : GUARDED) {
            handlers.computeIfPresent(v, (k, h) -> new RequireTlsGuard(k, h));
        }
    }

    @Override
    public CompletionStage<Reply> handle(SessionContext context, String argument) {
        TlsPolicy policy = context.server().tlsPolicy();
        if (!policy.required() || context.session().secure()) {
            return next.handle(context, argument);
        }
        Reply refusal = context.server().tls().isPresent() ? REQUIRED : UNAVAILABLE;
        if (verb.equals("BDAT")) {
            return refuseChunk(context, argument, refusal);
        }
        return MailCommand.done(refusal);
    }

    private CompletionStage<Reply> refuseChunk(SessionContext context, String argument, Reply refusal) {
        String[] words = argument.strip().split(" +");
        long size;
        try {
            size = Long.parseLong(words[0]);
        } catch (NumberFormatException e) {
            return next.handle(context, argument); // BDAT's own 501 and close: the boundary is lost
        }
        if (size < 0) {
            return next.handle(context, argument);
        }
        context.bdat(refusal, words.length == 2);
        if (size == 0) {
            return MailCommand.done(refusal);
        }
        context.startChunk(size, null, null); // read and dropped; the refusal follows the chunk
        return MailCommand.done(null);
    }
}
