package org.mailroot.smtp.codec;

/**
 * What the input decoder hands to the session, one at a time and in order, so that a pipelined
 * command is never looked at before the previous one has been answered.
 */
public sealed interface Frame {

    /** A command line ended by a real CRLF (not included); {@code octets} counts the CRLF. */
    record CommandLine(String text, int octets) implements Frame {
    }

    /** A command line longer than the limit, read and thrown away up to its CRLF. */
    record LineTooLong(long octets) implements Frame {
    }

    /** A bare CR or bare LF in a command line (RFC 5321 §2.3.8): never a line end. */
    record BareLineEnding() implements Frame {
    }

    /** The end of DATA text ({@code CRLF.CRLF}); the content is in the session's buffer. */
    record DataEnd() implements Frame {
    }

    /** The end of one BDAT chunk of {@code size} octets. */
    record ChunkEnd(long size) implements Frame {
    }

    Frame BARE_LINE_ENDING = new BareLineEnding();
    Frame DATA_END = new DataEnd();
}
