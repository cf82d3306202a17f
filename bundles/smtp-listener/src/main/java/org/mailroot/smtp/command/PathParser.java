package org.mailroot.smtp.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mailroot.api.MailAddress;

/**
 * Parses the argument of MAIL ({@code FROM:<path> params}) and RCPT ({@code TO:<path> params}),
 * RFC 5321 §4.1.2. A space after the colon is tolerated (common clients send it); a source route
 * ({@code <@a,@b:user@c>}) is accepted and ignored (§4.1.1.3, Appendix C).
 */
public final class PathParser {

    /** The path inside the angle brackets and the parameters that follow it. */
    public record Parsed(String path, List<String> parameters) {
    }

    private PathParser() {
    }

    /** @throws IllegalArgumentException when the syntax is wrong */
    public static Parsed parse(String argument, String prefix) {
        if (argument.length() < prefix.length()
                || !argument.substring(0, prefix.length()).equalsIgnoreCase(prefix)) {
            throw new IllegalArgumentException("expected " + prefix);
        }
        String s = argument.substring(prefix.length()).stripLeading();
        if (!s.startsWith("<")) {
            throw new IllegalArgumentException("path must be in angle brackets");
        }
        int end = closingBracket(s);
        String path = s.substring(1, end);
        String rest = s.substring(end + 1);
        if (!rest.isEmpty() && rest.charAt(0) != ' ') {
            throw new IllegalArgumentException("text after the path");
        }
        List<String> params = new ArrayList<>();
        for (String p : rest.split(" ")) {
            if (!p.isEmpty()) {
                params.add(p);
            }
        }
        if (path.startsWith("@")) {
            int colon = path.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("bad source route");
            }
            path = path.substring(colon + 1);
        }
        return new Parsed(path, params);
    }

    /** Index of the {@code >} closing the path, skipping quoted strings (§4.1.2 Quoted-string). */
    private static int closingBracket(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            } else if (c == '<' && !quoted) {
                break;
            }
        }
        throw new IllegalArgumentException("unterminated path");
    }

    /**
     * A mailbox from a path; the empty path is the null sender. {@code postmaster} without a
     * domain becomes {@code postmaster@serverName} (RFC 5321 §4.5.1) when {@code serverName} is
     * given (RCPT only).
     */
    public static MailAddress address(String path, String serverName) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ' ' && path.indexOf('"') < 0) {
                throw new IllegalArgumentException("control character or space in address");
            }
        }
        if (serverName != null && path.toLowerCase(Locale.ROOT).equals("postmaster")) {
            return MailAddress.of("postmaster", serverName);
        }
        return MailAddress.parse(path);
    }

    public static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
