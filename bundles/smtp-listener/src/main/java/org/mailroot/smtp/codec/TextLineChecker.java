package org.mailroot.smtp.codec;

import io.netty.buffer.ByteBuf;

/**
 * Checks BDAT text (BODY=7BIT or 8BITMIME, RFC 3030 §3) for the same faults as DATA: a CR not
 * followed by LF or an LF not preceded by CR (RFC 5321 §2.3.8), and lines over the text line
 * limit (§4.5.3.1.6). State carries across chunk boundaries.
 */
public final class TextLineChecker {
    private final int maxLine;
    private boolean pendingCr;
    private long lineLength;

    public TextLineChecker(int maxLine) {
        this.maxLine = maxLine;
    }

    public void check(ByteBuf src, int index, int length, MessageBuffer target) {
        for (int i = index; i < index + length; i++) {
            byte b = src.getByte(i);
            lineLength++;
            if (pendingCr) {
                pendingCr = false;
                if (b == '\n') {
                    endLine(target);
                    continue;
                }
                target.markBareLineEnding();
            }
            if (b == '\r') {
                pendingCr = true;
            } else if (b == '\n') {
                target.markBareLineEnding();
            }
        }
        if (lineLength > maxLine) {
            target.markLineTooLong();
        }
    }

    /** Called after the last chunk: text must end with CRLF, or its last line is unterminated. */
    public void finish(MessageBuffer target) {
        if (pendingCr) {
            target.markBareLineEnding();
        }
    }

    private void endLine(MessageBuffer target) {
        if (lineLength > maxLine) {
            target.markLineTooLong();
        }
        lineLength = 0;
    }
}
