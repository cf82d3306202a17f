package org.mailroot.auth.scram;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parsing of SCRAM messages (RFC 5802 §7): comma-separated {@code attr=value} pairs. */
final class ScramMessages {
    private ScramMessages() {
    }

    /** The client-first-message split into its GS2 header and client-first-message-bare. */
    record ClientFirst(String gs2Header, String authzid, String bare, String user, String nonce) {
    }

    /**
     * RFC 5802 §7: {@code gs2-cbind-flag "," [authzid] "," client-first-message-bare}. Only
     * {@code n} and {@code y} are accepted: we offer no -PLUS variant, so {@code p=} is refused.
     */
    static ClientFirst clientFirst(String message) {
        if (!(message.startsWith("n,") || message.startsWith("y,"))) {
            throw new IllegalArgumentException("unsupported channel binding flag");
        }
        int second = message.indexOf(',', 2);
        if (second < 0) {
            throw new IllegalArgumentException("no GS2 header");
        }
        String authz = message.substring(2, second);
        String authzid = null;
        if (!authz.isEmpty()) {
            if (!authz.startsWith("a=")) {
                throw new IllegalArgumentException("bad authzid");
            }
            authzid = saslName(authz.substring(2));
        }
        String bare = message.substring(second + 1);
        if (bare.startsWith("m=")) {
            throw new IllegalArgumentException("mandatory extension not supported"); // §5.1
        }
        Map<String, String> a = attributes(bare);
        String user = a.get("n");
        String nonce = a.get("r");
        if (user == null || user.isEmpty() || nonce == null || nonce.isEmpty() || !printable(nonce)) {
            throw new IllegalArgumentException("n= and r= are required");
        }
        return new ClientFirst(message.substring(0, second + 1), authzid, bare, saslName(user), nonce);
    }

    /** RFC 5802 §5.1: in saslname, "=2C" is ',' and "=3D" is '='; any other '=' is an error. */
    static String saslName(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=') {
                if (s.startsWith("=2C", i)) {
                    sb.append(',');
                } else if (s.startsWith("=3D", i)) {
                    sb.append('=');
                } else {
                    throw new IllegalArgumentException("bad saslname escape");
                }
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The attributes in order; a repeated or malformed attribute is an error. */
    static Map<String, String> attributes(String message) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : message.split(",", -1)) {
            if (part.length() < 2 || part.charAt(1) != '=') {
                throw new IllegalArgumentException("malformed attribute");
            }
            if (out.put(part.substring(0, 1), part.substring(2)) != null) {
                throw new IllegalArgumentException("repeated attribute");
            }
        }
        return out;
    }

    /** RFC 5802 §7 printable: %x21-2B / %x2D-7E (no comma). */
    static boolean printable(String s) {
        return s.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != ',');
    }
}
