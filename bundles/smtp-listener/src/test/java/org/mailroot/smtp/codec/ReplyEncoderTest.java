package org.mailroot.smtp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The encoder writes straight into the buffer; its octets must equal {@link ReplyEncoder#format}. */
class ReplyEncoderTest {

    private static String encoded(Reply reply) {
        ByteBuf buf = ReplyEncoder.toBytes(reply, UnpooledByteBufAllocator.DEFAULT);
        try {
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    @Test
    void singleLineWithEnhancedStatus() {
        // RFC 5321 §4.2.1 last line "code SP text"; RFC 2034 §3 status after the code
        Reply r = Reply.of(250, "2.0.0", "Ok: queued as ABC");
        assertEquals("250 2.0.0 Ok: queued as ABC\r\n", encoded(r));
        assertEquals(ReplyEncoder.format(r), encoded(r));
    }

    @Test
    void multiLineWithoutStatus() {
        // RFC 5321 §4.2.1 "code-text" on every line but the last
        Reply r = Reply.plain(250, List.of("mail.example", "PIPELINING", "SIZE 2097152"));
        assertEquals("250-mail.example\r\n250-PIPELINING\r\n250 SIZE 2097152\r\n", encoded(r));
        assertEquals(ReplyEncoder.format(r), encoded(r));
    }

    @Test
    void utf8TextAndOtherCodes() {
        // RFC 6531 §3.7.4: SMTPUTF8 replies may carry UTF-8
        for (int code : new int[] {220, 354, 421, 503, 599}) {
            Reply r = new Reply(code, "4.3.2", List.of("Grüße", "überall"), false);
            assertEquals(ReplyEncoder.format(r), encoded(r));
        }
    }
}
