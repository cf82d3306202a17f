package org.mailroot.spool.queue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;

/**
 * One message in Queue/: a single file {@code <id>.eml} holding the envelope block
 * ({@link EnvelopeCodec}) followed by the message exactly as received. One file rather than a
 * pair because one rename then publishes envelope and content atomically and one fsync covers
 * both; there is never a message without its envelope to reconcile at recovery.
 */
public record QueueFile(Path path, Envelope envelope, long messageOffset, long messageSize, HeldContent held) {
    public static final String SUFFIX = ".eml";
    public static final String TEMP_SUFFIX = ".tmp";

    public QueueFile(Path path, Envelope envelope, long messageOffset, long messageSize) {
        this(path, envelope, messageOffset, messageSize, null);
    }

    /** The same file without the bytes held in memory (released to the writer's budget). */
    public QueueFile withoutHeld() {
        if (held == null) {
            return this;
        }
        held.release();
        return new QueueFile(path, envelope, messageOffset, messageSize, null);
    }

    /** Reads the envelope block of a queue file and checks that the message is complete. */
    public static QueueFile read(Path path) throws IOException {
        EnvelopeCodec.Header h;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 8192)) {
            h = EnvelopeCodec.decode(in);
        } catch (RuntimeException e) {
            throw new IOException("corrupt queue file " + path + ": " + e.getMessage(), e);
        }
        long actual = Files.size(path) - h.messageOffset();
        if (actual != h.messageSize()) {
            throw new IOException("queue file " + path + " holds " + actual + " message octets, header says "
                    + h.messageSize());
        }
        return new QueueFile(path, h.envelope(), h.messageOffset(), h.messageSize());
    }

    /** The message part only (not the envelope block), as transports must see it. */
    public MessageContent content() {
        if (held != null) {
            return held; // the bytes just written: no open/fstat/lseek of the file
        }
        return new FileRangeContent(path, messageOffset, messageSize);
    }

    /** The queue id for a queue file name, or null when the name is not one. */
    public static String idOf(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(SUFFIX) ? n.substring(0, n.length() - SUFFIX.length()) : null;
    }
}
