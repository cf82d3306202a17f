package org.mailroot.smtp.command;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLEngine;
import org.mailroot.api.tls.TlsProvider;
import org.mailroot.smtp.TlsPolicy;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.session.SessionContext;
import org.mailroot.smtp.session.SmtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STARTTLS (RFC 3207). On 220 the TLS layer is put under the session before the reply leaves,
 * every octet the client sent after the command (in plaintext) is discarded, and the session
 * forgets what the client said before (RFC 3207 §4.2; CVE-2011-0411): it must EHLO again.
 */
public final class StartTlsCommand implements CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StartTlsCommand.class);
    /** RFC 3207 §4: 220 Ready to start TLS; RFC 3463 X.0.0. */
    static final Reply READY = Reply.of(220, "2.0.0", "Ready to start TLS");
    /** RFC 3207 §4: 454 TLS not available due to temporary reason; RFC 3463 X.7.0. */
    static final Reply UNAVAILABLE = Reply.of(454, "4.7.0", "TLS not available due to temporary reason");
    /** RFC 3207 §4.2 (no second TLS layer) with RFC 5321 §4.2.2 503; RFC 3463 X.5.1. */
    static final Reply ALREADY = Reply.of(503, "5.5.1", "TLS already active");
    /** Our choice, as Postfix: not inside a transaction (RFC 5321 §4.1.4 503); RFC 3463 X.5.1. */
    static final Reply IN_TRANSACTION = Reply.of(503, "5.5.1", "STARTTLS not allowed inside a mail transaction");

    /** Whether EHLO offers STARTTLS now (RFC 3207 §4: only when it can be done, and only once). */
    public static boolean offered(SessionContext context) {
        return context.server().tlsPolicy().mode() == TlsPolicy.Mode.STARTTLS
                && context.server().tls().isPresent() && !context.session().secure();
    }

    @Override
    public CompletionStage<Reply> handle(SessionContext context, String argument) {
        if (!argument.isBlank()) {
            return MailCommand.done(Replies.BAD_ARGUMENTS); // RFC 3207 §4: STARTTLS has no parameters
        }
        TlsPolicy.Mode mode = context.server().tlsPolicy().mode();
        SmtpSession session = context.session();
        if (mode == TlsPolicy.Mode.NONE) {
            return MailCommand.done(Replies.NOT_IMPLEMENTED); // RFC 5321 §4.2.4: 502, not offered here
        }
        if (session.secure() || mode == TlsPolicy.Mode.IMPLICIT) {
            return MailCommand.done(ALREADY);
        }
        if (session.inTransaction()) {
            return MailCommand.done(IN_TRANSACTION);
        }
        Optional<TlsProvider> provider = context.server().tls();
        if (provider.isEmpty()) {
            return MailCommand.done(UNAVAILABLE);
        }
        SSLEngine engine;
        try {
            engine = provider.get().newServerEngine(session.remoteAddress());
        } catch (RuntimeException e) { // a provider fault is temporary for the client (design §3)
            LOG.warn("[{}] STARTTLS: the TLS provider failed: {}", session.id(), e.toString());
            return MailCommand.done(UNAVAILABLE);
        }
        context.startTls(engine);
        session.resetForTls();
        return MailCommand.done(READY);
    }
}
