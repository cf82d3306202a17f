package org.mailroot.spool.pickup;

import java.util.ArrayList;
import java.util.List;
import org.mailroot.api.MailAddress;

/**
 * Extracts the mailboxes of an RFC 5322 §3.4 address-list header value: display names,
 * {@code <angle-addr>}, quoted strings, comments (nested) and groups
 * ({@code team: a@x, b@y;}). Enough for Pickup/, not a full grammar: obsolete source routes are
 * dropped, encoded words in display names are ignored since only addresses matter here.
 */
final class AddressListParser {
    private AddressListParser() {
    }

    /** @throws IllegalArgumentException naming the first item that is not a mailbox */
    static List<MailAddress> parse(String value) {
        List<MailAddress> out = new ArrayList<>();
        for (String item : split(stripComments(value))) {
            String spec = addrSpec(item.strip());
            if (!spec.isEmpty()) {
                out.add(MailAddress.parse(spec));
            }
        }
        return out;
    }

    /** Removes (comments), which may nest, but not inside quoted strings. */
    static String stripComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (quoted || depth > 0)) {
                if (depth == 0) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && depth > 0 && c == ')') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Splits at top-level commas; a group's "name:" is dropped and its ';' ends an item. */
    private static List<String> split(String s) {
        List<String> items = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean angle = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle = true;
            } else if (!quoted && c == '>') {
                angle = false;
            } else if (!quoted && !angle && c == ':') {
                cur.setLength(0); // group display name
                continue;
            } else if (!quoted && !angle && (c == ',' || c == ';')) {
                items.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        items.add(cur.toString());
        return items;
    }

    /** The addr-spec of one mailbox: inside the angle brackets when there are some. */
    private static String addrSpec(String item) {
        int open = -1;
        boolean quoted = false;
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                open = i;
            }
        }
        if (open < 0) {
            return item.replaceAll("\\s+", item.contains("\"") ? " " : "");
        }
        int close = item.indexOf('>', open);
        if (close < 0) {
            throw new IllegalArgumentException("unterminated <address> in " + item);
        }
        String spec = item.substring(open + 1, close).strip();
        int route = spec.startsWith("@") ? spec.indexOf(':') : -1;
        return route >= 0 ? spec.substring(route + 1) : spec; // RFC 5322 §4.4 obs-route
    }
}
