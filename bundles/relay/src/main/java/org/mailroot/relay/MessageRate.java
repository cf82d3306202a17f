package org.mailroot.relay;

import java.net.InetAddress;
import java.util.Map;
import java.util.function.Supplier;
import org.mailroot.api.MailAddress;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.SenderFilter;

/**
 * Messages per client per minute, counted at MAIL FROM as Postfix's
 * smtpd_client_message_rate_limit does: a refused MAIL costs the client one round trip, not a
 * message body. Answers from memory (registered non-blocking).
 */
final class MessageRate implements SenderFilter {
    private final Supplier<Rules> rules;
    private final RateLimiter messages;

    MessageRate(Supplier<Rules> rules, RateLimiter messages) {
        this.rules = rules;
        this.messages = messages;
    }

    @Override
    public Verdict mailFrom(SessionInfo session, MailAddress sender, Map<String, String> parameters) {
        Rules r = rules.get();
        InetAddress client = Rules.client(session);
        if (client == null || r.exempt(client)
                || messages.tryAcquire(client, r.settings().maxMessagesPerMinute())) {
            return Verdict.decline();
        }
        // RFC 5321 §4.2.2 451 (local policy, try later); RFC 3463 X.7.1 delivery not authorised
        return Verdict.defer(451, "4.7.1", "Too many messages from " + client.getHostAddress()
                + ", try again later");
    }
}
