package org.mailroot.smtp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;

/**
 * Splits command lines at CRLF and nowhere else (RFC 5321 §2.3.8, §4.1.1): a bare LF or a bare CR
 * is reported as {@link Frame.BareLineEnding} as soon as it is seen, so that nothing after it can
 * be taken for a command (SMTP smuggling). A line longer than the limit (§4.5.3.1.4, counting the
 * CRLF) is read to its CRLF without being buffered and reported as {@link Frame.LineTooLong}.
 */
final class CommandLineReader {
    private static final ByteProcessor FIND_CR_OR_LF = b -> b != '\r' && b != '\n';

    private final int maxLine;
    private long discarded = -1;

    CommandLineReader(int maxLine) {
        this.maxLine = maxLine;
    }

    /** The next frame, or null when more input is needed. */
    Frame read(ByteBuf in) {
        int start = in.readerIndex();
        int found = in.forEachByte(start, in.readableBytes(), FIND_CR_OR_LF);
        if (found < 0) {
            if (discarded >= 0 || in.readableBytes() > maxLine - 2) {
                discarded = Math.max(discarded, 0) + in.readableBytes();
                in.skipBytes(in.readableBytes());
            }
            return null;
        }
        if (in.getByte(found) == '\n') {
            return bare(in);
        }
        if (found + 1 >= in.writerIndex()) {
            return null; // a CR at the end of the input: wait for the next octet
        }
        if (in.getByte(found + 1) != '\n') {
            return bare(in);
        }
        int octets = found + 2 - start;
        if (discarded >= 0 || octets > maxLine) {
            long total = Math.max(discarded, 0) + octets;
            discarded = -1;
            in.readerIndex(found + 2);
            return new Frame.LineTooLong(total);
        }
        String text = in.toString(start, found - start, StandardCharsets.UTF_8);
        in.readerIndex(found + 2);
        return new Frame.CommandLine(text, octets);
    }

    private Frame bare(ByteBuf in) {
        discarded = -1;
        in.skipBytes(in.readableBytes());
        return Frame.BARE_LINE_ENDING;
    }
}
