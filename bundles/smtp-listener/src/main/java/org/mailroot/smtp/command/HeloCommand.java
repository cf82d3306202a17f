package org.mailroot.smtp.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mailroot.smtp.auth.Mechanisms;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.session.SessionContext;
import org.mailroot.smtp.session.SmtpSession;

/**
 * EHLO and HELO (RFC 5321 §4.1.1.1): record the client's name, drop any transaction, and for
 * EHLO list the extensions. The reply carries no enhanced status code (RFC 2034 §3 exempts the
 * EHLO/HELO reply; its lines are keywords). STARTTLS only while it can be done (StartTlsCommand.offered).
 */
public final class HeloCommand implements CommandHandler {
    private final boolean extended;

    public HeloCommand(boolean extended) {
        this.extended = extended;
    }

    @Override
    public CompletionStage<Reply> handle(SessionContext context, String argument) {
        SmtpSession session = context.session();
        String name = argument.strip();
        if (name.isEmpty() || name.indexOf(' ') >= 0) {
            // RFC 5321 §4.1.1.1: the argument is one domain or address literal; 501 otherwise
            return CompletableFuture.completedFuture(Replies.BAD_ARGUMENTS);
        }
        session.greeted(name, extended);
        String first = context.settings().serverName() + " Hello " + name + " [" + session.clientIp() + "]";
        if (!extended) {
            return CompletableFuture.completedFuture(Reply.plain(250, List.of(first))); // §4.1.1.1
        }
        List<String> lines = new ArrayList<>();
        lines.add(first);
        lines.add("PIPELINING");                                   // RFC 2920
        lines.add("SIZE " + context.settings().maxMessageSize());  // RFC 1870 §4
        lines.add("8BITMIME");                                     // RFC 6152
        lines.add("ENHANCEDSTATUSCODES");                          // RFC 2034
        lines.add("SMTPUTF8");                                     // RFC 6531
        lines.add("CHUNKING");                                     // RFC 3030
        lines.add("BINARYMIME");                                   // RFC 3030 §3
        lines.add("DSN");                                          // RFC 3461
        if (StartTlsCommand.offered(context)) {
            lines.add("STARTTLS");                                 // RFC 3207 §4
        }
        Mechanisms.ehloKeyword(context).ifPresent(lines::add);     // RFC 4954 §3, only if allowed
        lines.add("HELP");
        // RFC 5321 §4.1.1.1: 250 with one extension keyword per line
        return CompletableFuture.completedFuture(Reply.plain(250, lines));
    }
}
