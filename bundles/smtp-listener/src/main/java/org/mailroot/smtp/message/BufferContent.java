package org.mailroot.smtp.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.mailroot.api.MessageContent;

/**
 * A received message as {@link MessageContent}: prepended header lines plus the body buffer.
 * Each {@link #open()} reads a duplicate, so filters and the spool may read it concurrently;
 * the finisher releases the buffer only after the spool's stage has completed.
 */
final class BufferContent implements MessageContent {
    private final byte[] head;
    private final ByteBuf body;

    BufferContent(byte[] head, ByteBuf body) {
        this.head = head;
        this.body = body;
    }

    @Override
    public long size() {
        return head.length + (long) body.readableBytes();
    }

    @Override
    public InputStream open() {
        InputStream rest = new ByteBufInputStream(body.duplicate(), false);
        return head.length == 0 ? rest : new SequenceInputStream(new ByteArrayInputStream(head), rest);
    }
}
