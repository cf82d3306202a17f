package org.mailroot.smtp.codec;

import java.util.List;
import java.util.Objects;

/**
 * One SMTP reply (RFC 5321 §4.2): a code, an optional RFC 3463 enhanced status code put in front
 * of every line (RFC 2034 §3; left out of the greeting and the EHLO/HELO reply, as RFC 2034
 * allows), one or more text lines, and whether the server closes the connection after sending it.
 */
public record Reply(int code, String status, List<String> lines, boolean close) {

    public Reply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code " + code);
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
        lines.forEach(l -> {
            if (l.indexOf('\r') >= 0 || l.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("CR/LF in reply text");
            }
        });
    }

    public static Reply of(int code, String status, String text) {
        return new Reply(code, status, List.of(Objects.requireNonNull(text)), false);
    }

    /** A reply without enhanced status code (greeting, EHLO/HELO). */
    public static Reply plain(int code, List<String> lines) {
        return new Reply(code, null, lines, false);
    }

    /** The same reply, closing the connection after it is sent. */
    public Reply closing() {
        return new Reply(code, status, lines, true);
    }

    /** The first line with the enhanced status code, for logs and events. */
    public String text() {
        return status == null ? lines.get(0) : status + " " + lines.get(0);
    }

    @Override
    public String toString() {
        return code + " " + text();
    }
}
