package org.mailroot.smtp.auth;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.auth.AuthThrottle;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.command.CommandHandler;
import org.mailroot.smtp.command.Replies;
import org.mailroot.smtp.session.SessionContext;
import org.mailroot.smtp.session.SessionState;
import org.mailroot.smtp.session.SmtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AUTH mechanism [initial-response]} (RFC 4954 §4). PLAIN and LOGIN are decoded here and
 * checked by the Authenticator chain; other mechanisms come from SaslMechanism services.
 */
public final class AuthCommand implements CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AuthCommand.class);

    @Override
    public CompletionStage<Reply> handle(SessionContext context, String argument) {
        SmtpSession session = context.session();
        if (session.authenticatedUser().isPresent()) {
            return done(AuthReplies.ALREADY); // RFC 4954 §4: 503 after a successful AUTH
        }
        if (session.state() != SessionState.READY || !session.extended()) {
            return done(Replies.BAD_SEQUENCE); // RFC 4954 §4: not during a transaction; needs EHLO
        }
        String[] parts = argument.strip().split(" ");
        if (parts.length > 2 || parts[0].isEmpty()) {
            return done(Replies.BAD_ARGUMENTS); // RFC 5321 §4.2.2 / RFC 4954 §4 syntax: 501
        }
        if (!Mechanisms.transportAllows(context)) {
            return done(AuthReplies.NEEDS_TLS); // RFC 4954 §6: 538 5.7.11 without TLS
        }
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        String initial = parts.length == 2 ? parts[1] : null;
        AuthServices services = context.server().authServices();
        if (!Mechanisms.offered(context, services).contains(mechanism)
                && !isPassword(mechanism)) {
            return done(AuthReplies.UNSUPPORTED); // RFC 4954 §4: 504
        }
        AuthThrottle.Penalty admitted = admit(services, session);
        if (admitted.disconnect()) {
            LOG.warn("[{}] AUTH refused from {}: locked out after repeated failures", session.id(), session.clientIp());
            return done(AuthReplies.TOO_MANY); // RFC 5321 §3.8: 421 and close
        }
        if (isPassword(mechanism)) {
            Exchange ex = mechanism.equals(Mechanisms.PLAIN) ? new PlainExchange() : new LoginExchange();
            return new AuthFlow(mechanism, ex, services).begin(context, initial);
        }
        return PluginExchange.start(context, services.mechanism(mechanism).orElseThrow())
                .thenCompose(ex -> ex == null ? done(AuthReplies.TEMPORARY) // RFC 4954 §6: 454
                        : new AuthFlow(mechanism, ex, services).begin(context, initial));
    }

    /** The AUTH argument as it may be logged: the mechanism only, never the initial response. */
    public static String loggable(String argument) {
        String a = argument.strip();
        int space = a.indexOf(' ');
        return space < 0 ? a : a.substring(0, space) + " ***";
    }

    /**
     * PLAIN and LOGIN are always recognised: without an Authenticator they are not advertised,
     * and a client asking anyway gets 454 (temporary: the auth bundle may be being replaced).
     */
    private static boolean isPassword(String mechanism) {
        return mechanism.equals(Mechanisms.PLAIN) || mechanism.equals(Mechanisms.LOGIN);
    }

    private static AuthThrottle.Penalty admit(AuthServices services, SmtpSession session) {
        try {
            return services.throttle().map(t -> t.admit(session)).orElse(AuthThrottle.Penalty.NONE);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("auth throttle failed: {}", e.toString());
            return AuthThrottle.Penalty.NONE;
        }
    }

    private static CompletionStage<Reply> done(Reply r) {
        return CompletableFuture.completedFuture(r);
    }
}
