package org.mailroot.delivery.local;

import java.nio.charset.StandardCharsets;

/**
 * Turns a message id into a file-name fragment. The spool promises ids that are safe file
 * names, but a Maildir name must also avoid '.', ':' and '/' inside its unique part, and we
 * never trust a value that ends up in a path. The encoding is injective (like quoted-printable,
 * with '=' itself escaped), so two ids never share a file name.
 */
final class FileNames {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FileNames() {
    }

    static String encode(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (plain) {
                sb.append((char) c);
            } else {
                sb.append('=').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }
}
