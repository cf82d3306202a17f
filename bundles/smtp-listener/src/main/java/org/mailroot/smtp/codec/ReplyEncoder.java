package org.mailroot.smtp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Formats replies: {@code code-text} on every line but the last, {@code code text} on the last
 * (RFC 5321 §4.2.1), each ending in CRLF. UTF-8, because SMTPUTF8 replies may carry it
 * (RFC 6531 §3.7.4); everything else we send is ASCII.
 */
@Sharable
public final class ReplyEncoder extends MessageToByteEncoder<Reply> {

    public ReplyEncoder() {
        super(Reply.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Reply reply, ByteBuf out) {
        write(reply, out);
    }

    /** Encodes outside a pipeline (the connection gate writes before the session exists). */
    public static ByteBuf toBytes(Reply reply, ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(64);
        write(reply, out);
        return out;
    }

    public static String format(Reply reply) {
        StringBuilder sb = new StringBuilder();
        List<String> lines = reply.lines();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(reply.code()).append(i == lines.size() - 1 ? ' ' : '-');
            if (reply.status() != null) {
                sb.append(reply.status()).append(' ');
            }
            sb.append(lines.get(i)).append("\r\n");
        }
        return sb.toString();
    }

    /** Writes the same octets as {@link #format} straight into the buffer (no String per reply). */
    private static void write(Reply reply, ByteBuf out) {
        List<String> lines = reply.lines();
        int code = reply.code(); // 200-599, checked by Reply
        String status = reply.status();
        int last = lines.size() - 1;
        for (int i = 0; i <= last; i++) {
            out.writeByte('0' + code / 100).writeByte('0' + code / 10 % 10).writeByte('0' + code % 10);
            out.writeByte(i == last ? ' ' : '-');
            if (status != null) {
                out.writeCharSequence(status, StandardCharsets.UTF_8);
                out.writeByte(' ');
            }
            out.writeCharSequence(lines.get(i), StandardCharsets.UTF_8);
            out.writeByte('\r').writeByte('\n');
        }
    }
}
