package org.mailroot.spool.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailroot.api.Envelope;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Recipient;
import org.mailroot.api.Route;

class EnvelopeCodecTest {
    @Test
    void everyFieldSurvivesIncludingDsnAndUtf8() throws IOException {
        Recipient dsn = new Recipient(MailAddress.parse("\"john doe, jr\"@example.com"),
                EnumSet.of(Recipient.Notify.SUCCESS, Recipient.Notify.DELAY),
                Optional.of("rfc822;john%doe=x@example.com"),
                List.of(new Route("smtp", MailAddress.parse("jd@relay.example"),
                        Map.of("nexthop", "[192.0.2.7]:2525", "odd key", "a=b,c%d\r\nx")),
                        Route.local(MailAddress.parse("jd@example.com"))));
        Recipient utf8 = Recipient.of(MailAddress.parse("用户@例子.广告"),
                List.of(Route.local(MailAddress.parse("用户@例子.广告"))));
        Recipient srs = Recipient.of(MailAddress.parse("SRS0=HHH=TT=example.org=bob@fwd.example"),
                List.of(new Route("smtp", MailAddress.parse("SRS0=HHH=TT=example.org=bob@fwd.example"), Map.of())));
        Envelope e = Envelope.builder().id("ABC123").sender(MailAddress.parse("ännä@exämple.org"))
                .addRecipient(dsn).addRecipient(utf8).addRecipient(srs).body(Envelope.Body.BINARY_MIME).smtpUtf8(true)
                .ret(Envelope.Ret.HDRS).envelopeId("env id+2B\u2028x").received(Instant.parse("2026-11-22T10:00:00.123Z"))
                .listenerName("sub mission").clientAddress("2001:db8::1").heloName("helo\r\nInjected: yes")
                .authenticatedUser("user@realm").build();

        byte[] block = EnvelopeCodec.encode(e, 42);
        String text = new String(block, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("x-mailroot-format: 1\r\n"), text);
        assertTrue(text.contains("\r\nx-sender: ännä@exämple.org\r\n"), text);
        assertTrue(text.contains("\r\nx-receiver: 用户@例子.广告\r\n"), text);
        assertTrue(text.contains("\r\nx-receiver: SRS0=HHH=TT=example.org=bob@fwd.example\r\n"), text);
        assertEquals(text.split("\r\n").length, text.split("\n").length, "no bare line breaks: " + text);
        assertTrue(!text.contains("Injected: yes\r\n"), text);

        EnvelopeCodec.Header h = EnvelopeCodec.decode(new ByteArrayInputStream(block));
        Envelope d = h.envelope();
        assertEquals(block.length, h.messageOffset());
        assertEquals(42, h.messageSize());
        assertEquals(e.id(), d.id());
        assertEquals(e.sender(), d.sender());
        assertEquals(e.recipients(), d.recipients());
        assertEquals(e.body(), d.body());
        assertEquals(e.smtpUtf8(), d.smtpUtf8());
        assertEquals(e.ret(), d.ret());
        assertEquals(e.envelopeId(), d.envelopeId());
        assertEquals(e.received(), d.received());
        assertEquals(e.listenerName(), d.listenerName());
        assertEquals(e.clientAddress(), d.clientAddress());
        assertEquals(e.heloName(), d.heloName());
        assertEquals(e.authenticatedUser(), d.authenticatedUser());
    }

    @Test
    void nullSenderAndNoOptionalFields() throws IOException {
        Envelope e = Envelope.builder().id("B1").sender(MailAddress.nullSender()).received(Instant.EPOCH)
                .addRecipient(Recipient.of(MailAddress.parse("a@b.c"), List.of(Route.local(MailAddress.parse("a@b.c")))))
                .build();
        byte[] block = EnvelopeCodec.encode(e, 0);
        assertTrue(new String(block, StandardCharsets.UTF_8).contains("x-sender: <>\r\n"));
        Envelope d = EnvelopeCodec.decode(new ByteArrayInputStream(block)).envelope();
        assertTrue(d.sender().isNullSender());
        assertEquals(Optional.empty(), d.heloName());
        assertEquals(Optional.empty(), d.ret());
        assertEquals("", d.listenerName());
        assertEquals(e.recipients(), d.recipients());
    }
}
