package org.mailroot.smtp.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ESMTP parameters of MAIL and RCPT ({@code KEYWORD[=value]}, RFC 5321 §4.1.2 esmtp-param) and
 * the xtext encoding of DSN values (RFC 3461 §4).
 */
public final class MailParameters {
    private MailParameters() {
    }

    /**
     * Keys in upper case, values as given (null for a flag).
     *
     * @throws IllegalArgumentException on a malformed or repeated parameter
     */
    public static Map<String, String> parse(List<String> tokens) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : tokens) {
            int eq = t.indexOf('=');
            String key = (eq < 0 ? t : t.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? null : t.substring(eq + 1);
            if (key.isEmpty() || !key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')
                    || value != null && value.isEmpty()) {
                throw new IllegalArgumentException("malformed parameter " + t);
            }
            if (out.containsKey(key)) {
                throw new IllegalArgumentException("repeated parameter " + key);
            }
            out.put(key, value);
        }
        return out;
    }

    /** Whether {@code s} is xtext (RFC 3461 §4): printable ASCII but + and =, or +XX in upper hex. */
    public static boolean isXtext(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                if (i + 2 >= s.length() || !upperHex(s.charAt(i + 1)) || !upperHex(s.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c < '!' || c > '~' || c == '=') {
                return false;
            }
        }
        return true;
    }

    /** Decodes xtext; call {@link #isXtext} first. */
    public static String decodeXtext(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean upperHex(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F';
    }
}
