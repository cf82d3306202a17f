package org.mailroot.smtp.command;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.Envelope;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Verdict;
import org.mailroot.smtp.auth.AuthReplies;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.hook.HookChains;
import org.mailroot.smtp.hook.HookRef;
import org.mailroot.smtp.session.SessionContext;
import org.mailroot.smtp.session.SessionState;
import org.mailroot.smtp.session.SmtpSession;
import org.mailroot.smtp.session.Transaction;

/** MAIL FROM (RFC 5321 §4.1.1.2) with SIZE, BODY, SMTPUTF8, RET and ENVID; then the sender filters. */
public final class MailCommand implements CommandHandler {
    /** RFC 5321 §4.2.2 250 with RFC 3463 X.1.0 (sender address status). */
    static final Reply SENDER_OK = Reply.of(250, "2.1.0", "Sender ok");
    /** RFC 5321 §4.1.1.2/§4.2.2 501; RFC 3463 X.1.7 bad sender mailbox syntax. */
    static final Reply BAD_SENDER = Reply.of(501, "5.1.7", "Bad sender address syntax");
    /** RFC 5321 §4.2.2 550; RFC 3463 X.7.1: a sender filter rejected without a reply of its own. */
    static final Reply SENDER_REJECTED = Reply.of(550, "5.7.1", "Sender rejected");
    /** RFC 5321 §4.2.2 451; RFC 3463 X.7.1: a sender filter deferred without a reply of its own. */
    static final Reply SENDER_DEFERRED = Reply.of(451, "4.7.1", "Sender deferred, try again later");

    @Override
    public CompletionStage<Reply> handle(SessionContext context, String argument) {
        SmtpSession session = context.session();
        if (session.state() != SessionState.READY) {
            return done(Replies.BAD_SEQUENCE); // §4.1.4: MAIL needs EHLO/HELO and no open transaction
        }
        if (context.server().authSettings().requireAuth() && session.authenticatedUser().isEmpty()) {
            return done(AuthReplies.REQUIRED); // RFC 4954 §6: 530 5.7.0 before AUTH
        }
        Transaction t;
        try {
            PathParser.Parsed parsed = PathParser.parse(argument, "FROM:");
            Map<String, String> params = MailParameters.parse(parsed.parameters());
            if (!params.isEmpty() && !session.extended()) {
                return done(Replies.UNKNOWN_PARAMETER); // §4.1.1.11: no extensions after HELO
            }
            Reply bad = MailParameterCheck.check(params, context.settings().maxMessageSize());
            if (bad != null) {
                return done(bad);
            }
            MailAddress sender;
            try {
                sender = PathParser.address(parsed.path(), null);
            } catch (IllegalArgumentException e) {
                return done(BAD_SENDER);
            }
            boolean utf8 = params.containsKey("SMTPUTF8");
            if (!utf8 && !PathParser.isAscii(parsed.path())) {
                return done(Replies.NEEDS_SMTPUTF8);
            }
            String ret = params.get("RET");
            String envid = params.get("ENVID");
            t = new Transaction(sender, params, body(params.get("BODY")), utf8,
                    ret == null ? null : Envelope.Ret.valueOf(ret.toUpperCase(Locale.ROOT)),
                    envid == null ? null : MailParameters.decodeXtext(envid));
        } catch (IllegalArgumentException e) {
            return done(Replies.BAD_ARGUMENTS); // §4.1.1.2 syntax: 501
        }
        var hooks = context.hooks().senderFilters();
        if (hooks.isEmpty()) {
            session.begin(t);
            return done(SENDER_OK);
        }
        return context.runHooks("MAIL", HookRef.allNonBlocking(hooks),
                p -> HookChains.verdict(hooks, p, session, "MAIL",
                h -> h.mailFrom(session, t.sender(), t.parameters())), HookChains.FAILED)
                .thenApply(v -> {
                    if (v.kind() == Verdict.Kind.ACCEPT || v.kind() == Verdict.Kind.DECLINE) {
                        session.begin(t);
                    }
                    return Replies.of(v, SENDER_OK, SENDER_REJECTED, SENDER_DEFERRED);
                });
    }

    private static Envelope.Body body(String value) {
        if (value == null) {
            return Envelope.Body.SEVEN_BIT;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "8BITMIME" -> Envelope.Body.EIGHT_BIT_MIME;
            case "BINARYMIME" -> Envelope.Body.BINARY_MIME;
            default -> Envelope.Body.SEVEN_BIT;
        };
    }

    static CompletionStage<Reply> done(Reply r) {
        return CompletableFuture.completedFuture(r);
    }
}
