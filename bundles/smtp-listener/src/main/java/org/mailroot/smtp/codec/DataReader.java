package org.mailroot.smtp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Reads DATA text (RFC 5321 §4.1.1.4) into a {@link MessageBuffer}: removes the dot-stuffing
 * (§4.5.2) and ends only at a {@code .} line between two real CRLFs. A bare CR or LF
 * (§2.3.8) is never a line end, so {@code \n.\n}, {@code \r.\r}, {@code \r\n.\n} and the like
 * do not end the text (SMTP smuggling, CVE-2023-51764): they are kept, flagged, and the whole
 * message is refused once the real end arrives. Lines over the limit (§4.5.3.1.6) are flagged.
 */
final class DataReader {
    private static final ByteProcessor FIND_CR_OR_LF = b -> b != '\r' && b != '\n';

    private enum State { LINE_START, IN_LINE, CR, DOT, DOT_CR }

    private final int maxLine;
    private final MessageBuffer target;
    private State state = State.LINE_START; // DATA's 354 follows the CRLF of the command
    private long lineLength;

    DataReader(int maxLine, MessageBuffer target) {
        this.maxLine = maxLine;
        this.target = target;
    }

    /** Consumes input; true once the end of the text has been read (and nothing after it). */
    boolean read(ByteBuf in) {
        while (in.isReadable()) {
            switch (state) {
                case LINE_START -> {
                    lineLength = 0;
                    if (in.getByte(in.readerIndex()) == '.') {
                        in.skipBytes(1); // §4.5.2: drop the stuffed dot
                        lineLength = 1;
                        state = State.DOT;
                    } else {
                        state = State.IN_LINE;
                    }
                }
                case IN_LINE -> inLine(in);
                case CR -> {
                    if (in.getByte(in.readerIndex()) == '\n') {
                        in.skipBytes(1);
                        target.writeByte('\r');
                        target.writeByte('\n');
                        endLine(1);
                    } else {
                        bareCr(); // the octet after it is read again as text
                    }
                }
                case DOT -> {
                    if (in.getByte(in.readerIndex()) == '\r') {
                        in.skipBytes(1);
                        lineLength++;
                        state = State.DOT_CR;
                    } else {
                        state = State.IN_LINE;
                    }
                }
                case DOT_CR -> {
                    if (in.getByte(in.readerIndex()) == '\n') {
                        in.skipBytes(1);
                        state = State.LINE_START;
                        return true;
                    }
                    bareCr();
                }
            }
        }
        return false;
    }

    private void inLine(ByteBuf in) {
        int start = in.readerIndex();
        int found = in.forEachByte(start, in.readableBytes(), FIND_CR_OR_LF);
        int end = found < 0 ? in.writerIndex() : found;
        if (end > start) {
            target.write(in, start, end - start);
            lineLength += end - start;
        }
        in.readerIndex(end);
        if (found < 0) {
            checkLength();
            return;
        }
        byte b = in.readByte();
        lineLength++;
        if (b == '\n') {
            target.markBareLineEnding(); // kept in the text; not a line end
            target.writeByte('\n');
            checkLength();
        } else {
            state = State.CR;
        }
    }

    private void bareCr() {
        target.markBareLineEnding();
        target.writeByte('\r');
        state = State.IN_LINE;
    }

    private void endLine(int extra) {
        lineLength += extra;
        checkLength();
        state = State.LINE_START;
    }

    private void checkLength() {
        if (lineLength > maxLine) {
            target.markLineTooLong();
        }
    }
}
