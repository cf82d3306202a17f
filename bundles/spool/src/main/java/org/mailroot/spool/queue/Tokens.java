package org.mailroot.spool.queue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for the values of queue-file header lines. Only what would break the line
 * structure is encoded (controls, space, '%', Unicode line separators; '=' too in route
 * parameters), so ordinary, SRS ({@code SRS0=...}) and UTF-8 addresses stay readable for an
 * administrator looking at Queue/.
 */
public final class Tokens {
    private Tokens() {
    }

    public static String encode(String value) {
        return encode(value, false);
    }

    /** For {@code key=value} route parameters, where '=' separates. */
    public static String encodeParam(String value) {
        return encode(value, true);
    }

    private static String encode(String value, boolean param) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '%' || (param && c == '=') || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                if (c < 0x80) {
                    out.append('%').append(hex(c >> 4)).append(hex(c & 0xf));
                } else {
                    // Unicode line separators: encode their UTF-8 bytes so no reader splits on them.
                    byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    for (byte b : utf8) {
                        out.append('%').append(hex((b >> 4) & 0xf)).append(hex(b & 0xf));
                    }
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String decode(String token) {
        if (token.indexOf('%') < 0) {
            return token;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '%' && i + 2 < token.length()) {
                bytes.write(Integer.parseInt(token.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '%') {
                throw new IllegalArgumentException("truncated escape in " + token);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < token.length()) {
                    b = token.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static char hex(int nibble) {
        return "0123456789ABCDEF".charAt(nibble);
    }
}
