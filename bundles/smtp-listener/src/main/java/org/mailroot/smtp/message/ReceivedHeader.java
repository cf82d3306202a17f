package org.mailroot.smtp.message;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.mailroot.api.Recipient;
import org.mailroot.api.SessionInfo;

/**
 * The trace header of RFC 5321 §4.4: {@code from helo (rdns [ip]) by server (Mailroot) with
 * proto id <id> for <rcpt>; date}, folded with CRLF TAB. The protocol name follows RFC 3848
 * (ESMTP, ESMTPS, ESMTPA, ESMTPSA) and RFC 6531 §3.7.3 (UTF8SMTP...); HELO gives SMTP.
 */
public final class ReceivedHeader {
    /** RFC 5322 §3.3 date-time with a numeric zone. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private ReceivedHeader() {
    }

    public static String build(SessionInfo session, String id, List<Recipient> recipients,
            boolean smtpUtf8, Instant when) {
        StringBuilder sb = new StringBuilder("Received: from ");
        sb.append(session.heloName().orElse("unknown")).append(" (");
        session.reverseName().ifPresent(n -> sb.append(n).append(' '));
        sb.append(literal(session.remoteAddress().getAddress())).append(")\r\n\tby ")
                .append(session.serverName()).append(" (Mailroot) with ")
                .append(protocol(session, smtpUtf8));
        // RFC 4954 §7 / RFC 3848: the identity of an authenticated submission, in a comment;
        // sanitised since a user name is client-chosen text (no CR/LF or comment delimiters)
        session.authenticatedUser().ifPresent(u -> sb.append("\r\n\t(authenticated as ")
                .append(commentSafe(u)).append(')'));
        sb.append(" id ").append(id);
        if (recipients.size() == 1) {
            sb.append("\r\n\tfor <").append(recipients.get(0).address().address()).append('>');
        }
        sb.append("; ").append(DATE.format(when.atZone(ZoneId.systemDefault()))).append("\r\n");
        return sb.toString();
    }

    static String protocol(SessionInfo session, boolean smtpUtf8) {
        if (!session.extended()) {
            return "SMTP";
        }
        String suffix = (session.secure() ? "S" : "") + (session.authenticatedUser().isPresent() ? "A" : "");
        return (smtpUtf8 ? "UTF8SMTP" : "ESMTP") + suffix;
    }

    /** RFC 5322 §3.2.2 ctext: printable ASCII without parentheses and backslash; others become '?'. */
    static String commentSafe(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 256));
        for (int i = 0; i < text.length() && i < 256; i++) {
            char c = text.charAt(i);
            sb.append(c > ' ' && c < 127 && c != '(' && c != ')' && c != '\\' ? c : '?');
        }
        return sb.toString();
    }

    /** RFC 5321 §4.1.3 address literal. */
    static String literal(InetAddress address) {
        if (address == null) {
            return "[unknown]";
        }
        String ip = address.getHostAddress();
        return address instanceof Inet6Address ? "[IPv6:" + ip + "]" : "[" + ip + "]";
    }
}
