package org.mailroot.smtp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCountUtil;

/**
 * The message being received (DATA or BDAT chunks), up to a size limit. Past the limit the bytes
 * are counted and dropped, so that the client can be read to the end of its message and then
 * refused without anything kept (RFC 1870 §6.3). Also records text-line faults found while
 * reading: a bare CR/LF (RFC 5321 §2.3.8) or a line over the limit (§4.5.3.1.6).
 */
public final class MessageBuffer {
    private final ByteBufAllocator alloc;
    private final long limit;
    private ByteBuf content;
    private long size;
    private boolean overflow;
    private boolean bareLineEnding;
    private boolean lineTooLong;

    /** @param limit the most octets kept; beyond it {@link #overflow()} becomes true */
    public MessageBuffer(ByteBufAllocator alloc, long limit) {
        this.alloc = alloc;
        this.limit = limit;
    }

    public void write(ByteBuf src, int index, int length) {
        if (reserve(length)) {
            content.writeBytes(src, index, length);
        }
    }

    public void writeByte(int b) {
        if (reserve(1)) {
            content.writeByte(b);
        }
    }

    private boolean reserve(int length) {
        size += length;
        if (overflow) {
            return false;
        }
        if (size > limit) {
            overflow = true;
            release();
            return false;
        }
        if (content == null) {
            content = alloc.buffer((int) Math.min(limit, 8192));
        }
        return true;
    }

    /** Octets received so far, kept or not. */
    public long size() {
        return size;
    }

    public boolean overflow() {
        return overflow;
    }

    public void markBareLineEnding() {
        bareLineEnding = true;
    }

    public boolean bareLineEnding() {
        return bareLineEnding;
    }

    public void markLineTooLong() {
        lineTooLong = true;
    }

    public boolean lineTooLong() {
        return lineTooLong;
    }

    /** Hands the content over to the caller (who releases it); empty when nothing was received. */
    public ByteBuf take() {
        ByteBuf c = content == null ? alloc.buffer(0) : content;
        content = null;
        return c;
    }

    /** Drops whatever is held; safe to call more than once. */
    public void release() {
        ReferenceCountUtil.safeRelease(content);
        content = null;
    }
}
