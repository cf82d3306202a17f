package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.SmtpClient;
import org.mailroot.smtp.test.TestTls;
import org.mailroot.smtp.test.TlsPeer;

/** requireTls (RFC 3207 §4: 530 5.7.0) and implicit TLS (RFC 8314 §3). */
class RequireTlsTest {
    private final FakeServer server = FakeServer.acceptingExampleOrg();
    private final TestTls tls = new TestTls();

    @Test
    void mailRcptDataBdatAndAuthWaitForTls() throws Exception {
        server.tls = tls;
        server.tlsPolicy = TlsPolicy.of("starttls", true);
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>", "DATA", "AUTH PLAIN AGFiYwB4eXo=");
        String must = "530 5.7.0 Must issue a STARTTLS command first";
        assertEquals(List.of(must, must, must, must), c.replies());
        // the refused BDAT's chunk is read and dropped, never taken for commands
        c.send("BDAT 6 LAST\r\nQUIT\r\nNOOP\r\n");
        assertEquals(List.of(must, "250 2.0.0 Ok"), c.replies());
        assertTrue(c.open());

        c.commands("STARTTLS");
        c.lines();
        TlsPeer peer = new TlsPeer(c, tls.clientEngine()).handshake();
        peer.commands("EHLO client.example.net", "MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>");
        List<String> replies = peer.replies();
        assertEquals(List.of("250 2.1.0 Sender ok", "250 2.1.5 Recipient ok"), replies.subList(1, 3));
    }

    @Test
    void withoutAProviderTheRequirementIsATemporaryFailure() {
        server.tlsPolicy = TlsPolicy.of("starttls", true);
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>");
        assertEquals(List.of("451 4.7.0 TLS required but not available now, try again later"), c.replies());
    }

    @Test
    void implicitTlsHandshakesBeforeTheGreeting() throws Exception {
        server.tls = tls;
        server.tlsPolicy = TlsPolicy.of("implicit", false);
        SmtpClient c = new SmtpClient(server);
        assertEquals(List.of(), c.lines(), "no plaintext greeting: TLS comes first");
        TlsPeer peer = new TlsPeer(c, tls.clientEngine()).handshake();
        assertEquals(List.of("220 mx.example.org ESMTP Mailroot ready"), peer.replies());
        peer.commands("EHLO client.example.net");
        assertTrue(peer.lines().stream().noneMatch(l -> l.contains("STARTTLS")));
        peer.commands("STARTTLS", "MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>", "DATA");
        peer.lines();
        peer.send("Subject: 465\r\n\r\nhi\r\n.\r\n");
        assertEquals(List.of("250 2.0.0 Ok: queued as M1"), peer.replies());
        assertTrue(server.fakeSpool().last().content().contains("with ESMTPS id"));
    }

    @Test
    void implicitTlsWithoutAProviderClosesAtOnce() {
        server.tlsPolicy = TlsPolicy.of("implicit", false);
        SmtpClient c = new SmtpClient(server);
        assertEquals(List.of(), c.lines());
        assertTrue(!c.open(), "closed without a byte");
    }

    @Test
    void inconsistentValuesAreRefusedWithTheAllowedOnes() {
        var e = assertThrows(InvalidSettingException.class, () -> TlsPolicy.of("ssl", false));
        assertEquals("none, starttls, implicit", e.allowed());
        assertEquals("requireTls", assertThrows(InvalidSettingException.class, () -> TlsPolicy.of("none", true)).key());
        assertEquals("starttls required", TlsPolicy.of(" STARTTLS ", true).describe());
    }
}
