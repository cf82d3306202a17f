package org.mailroot.smtp.command;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Recipient;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.Resolution;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.hook.HookChains;
import org.mailroot.smtp.hook.HookSnapshot;
import org.mailroot.smtp.session.SessionContext;
import org.mailroot.smtp.session.SessionState;
import org.mailroot.smtp.session.SmtpSession;
import org.mailroot.smtp.session.Transaction;

/** RCPT TO (RFC 5321 §4.1.1.3) with NOTIFY and ORCPT (RFC 3461 §4.1, §4.2); then resolvers and relay policies. */
public final class RcptCommand implements CommandHandler {
    /** RFC 5321 §4.2.2 250; RFC 3463 X.1.5 destination address valid. */
    static final Reply RECIPIENT_OK = Reply.of(250, "2.1.5", "Recipient ok");
    /** RFC 5321 §4.1.1.3/§4.2.2 501; RFC 3463 X.1.3 bad destination mailbox syntax. */
    static final Reply BAD_RECIPIENT = Reply.of(501, "5.1.3", "Bad recipient address syntax");
    /** RFC 5321 §4.5.3.1.8: 452 too many recipients; RFC 3463 X.5.3. */
    static final Reply TOO_MANY = Reply.of(452, "4.5.3", "Too many recipients");
    /** RFC 5321 §4.2.2 550; RFC 3463 X.1.1: a resolver rejected without a reply of its own. */
    static final Reply UNKNOWN_USER = Reply.of(550, "5.1.1", "Mailbox unavailable");

    @Override
    public java.util.concurrent.CompletionStage<Reply> handle(SessionContext context, String argument) {
        SmtpSession session = context.session();
        Transaction t = session.transaction();
        if (t == null || session.state() != SessionState.MAIL && session.state() != SessionState.RCPT) {
            return MailCommand.done(Replies.BAD_SEQUENCE); // §4.1.4: RCPT needs MAIL first
        }
        MailAddress address;
        Set<Recipient.Notify> notify;
        Optional<String> orcpt;
        try {
            PathParser.Parsed parsed = PathParser.parse(argument, "TO:");
            Map<String, String> params = MailParameters.parse(parsed.parameters());
            if (!params.isEmpty() && !session.extended()) {
                return MailCommand.done(Replies.UNKNOWN_PARAMETER); // §4.1.1.11
            }
            for (String key : params.keySet()) {
                if (!key.equals("NOTIFY") && !key.equals("ORCPT")) {
                    return MailCommand.done(Replies.UNKNOWN_PARAMETER); // §4.1.1.11: 555
                }
            }
            notify = notify(params.get("NOTIFY"), params.containsKey("NOTIFY"));
            orcpt = orcpt(params.get("ORCPT"), params.containsKey("ORCPT"));
            if (parsed.path().isEmpty()) {
                return MailCommand.done(BAD_RECIPIENT); // §4.1.1.3: no null forward-path
            }
            try {
                address = PathParser.address(parsed.path(), context.settings().serverName());
            } catch (IllegalArgumentException e) {
                return MailCommand.done(BAD_RECIPIENT);
            }
            if (!t.smtpUtf8() && !PathParser.isAscii(parsed.path())) {
                return MailCommand.done(Replies.NEEDS_SMTPUTF8); // RFC 6531 §3.5
            }
        } catch (IllegalArgumentException e) {
            return MailCommand.done(Replies.BAD_ARGUMENTS); // §4.1.1.3 syntax: 501
        }
        if (t.recipients().size() >= context.settings().maxRecipients()) {
            return MailCommand.done(TOO_MANY);
        }
        HookSnapshot hooks = context.hooks();
        boolean relayRequired = context.server().relayPolicyRequired();
        return context.runHooks("RCPT", hooks.recipientChainNonBlocking(),
                p -> HookChains.recipient(hooks, p, session, address, relayRequired),
                Resolution.refuse(HookChains.FAILED)).thenApply(r -> {
                    Verdict v = r.verdict();
                    if (v.kind() == Verdict.Kind.ACCEPT && session.transaction() == t) {
                        t.recipients().add(new Recipient(address, notify, orcpt, r.routes()));
                        session.state(SessionState.RCPT);
                    }
                    return Replies.of(v, RECIPIENT_OK, UNKNOWN_USER, Replies.LOCAL_ERROR);
                });
    }

    /** RFC 3461 §4.1: NEVER alone, or a list of SUCCESS, FAILURE, DELAY. */
    private static Set<Recipient.Notify> notify(String value, boolean present) {
        if (!present) {
            return Set.of();
        }
        if (value == null) {
            throw new IllegalArgumentException("NOTIFY needs a value");
        }
        EnumSet<Recipient.Notify> out = EnumSet.noneOf(Recipient.Notify.class);
        for (String s : value.toUpperCase(Locale.ROOT).split(",", -1)) {
            Recipient.Notify n = Recipient.Notify.valueOf(s); // IllegalArgumentException if unknown
            if (!out.add(n)) {
                throw new IllegalArgumentException("repeated NOTIFY value");
            }
        }
        if (out.contains(Recipient.Notify.NEVER) && out.size() > 1) {
            throw new IllegalArgumentException("NEVER must be alone");
        }
        return out;
    }

    /** RFC 3461 §4.2: {@code addr-type ";" xtext}; kept as given. */
    private static Optional<String> orcpt(String value, boolean present) {
        if (!present) {
            return Optional.empty();
        }
        int semi = value == null ? -1 : value.indexOf(';');
        if (semi <= 0 || semi == value.length() - 1 || value.length() > 500
                || !value.substring(0, semi).matches("[A-Za-z0-9-]+")
                || !MailParameters.isXtext(value.substring(semi + 1))) {
            throw new IllegalArgumentException("bad ORCPT");
        }
        return Optional.of(value);
    }
}
