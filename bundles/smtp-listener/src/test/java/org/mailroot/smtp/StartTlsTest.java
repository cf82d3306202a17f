package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.SslHandler;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailroot.api.log.MailEvent;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.SmtpClient;
import org.mailroot.smtp.test.TestTls;
import org.mailroot.smtp.test.TlsPeer;

/** STARTTLS (RFC 3207) over a real JDK TLS handshake on an EmbeddedChannel. */
class StartTlsTest {
    private final FakeServer server = FakeServer.acceptingExampleOrg();
    private final TestTls tls = new TestTls();

    private List<String> ehlo(SmtpClient c) {
        c.commands("EHLO client.example.net");
        return c.lines();
    }

    private TlsPeer startTls(SmtpClient c) throws Exception {
        c.commands("STARTTLS");
        assertEquals(List.of("220 2.0.0 Ready to start TLS"), c.lines());
        return new TlsPeer(c, tls.clientEngine()).handshake();
    }

    @Test
    void offeredOnlyWithAProviderAndOnlyBeforeTls() throws Exception {
        SmtpClient without = new SmtpClient(server);
        without.lines();
        assertFalse(ehlo(without).contains("250-STARTTLS"), "no provider: not offered");
        without.commands("STARTTLS");
        assertEquals(List.of("454 4.7.0 TLS not available due to temporary reason"), without.replies());

        server.tls = tls;
        SmtpClient c = new SmtpClient(server);
        c.lines();
        assertTrue(ehlo(c).contains("250-STARTTLS"), "RFC 3207 §4: advertised in EHLO");
        TlsPeer peer = startTls(c);
        peer.commands("EHLO client.example.net");
        List<String> afterTls = peer.lines();
        assertTrue(afterTls.get(0).startsWith("250-mx.example.org Hello"), afterTls.toString());
        assertFalse(afterTls.stream().anyMatch(l -> l.contains("STARTTLS")), "not offered twice: " + afterTls);
        peer.commands("STARTTLS");
        assertEquals(List.of("503 5.5.1 TLS already active"), peer.replies());
    }

    @Test
    void commandsPipelinedBehindStartTlsNeverRun() throws Exception {
        server.tls = tls;
        SmtpClient c = new SmtpClient(server);
        c.lines();
        ehlo(c);
        // CVE-2011-0411: the attacker's commands ride in the same segment as STARTTLS
        c.send("STARTTLS\r\nRSET\r\nMAIL FROM:<evil@attacker.example>\r\n");
        assertEquals(List.of("220 2.0.0 Ready to start TLS"), c.lines(), "no reply to RSET or MAIL in plaintext");
        assertNotNull(c.channel.pipeline().get(SslHandler.class), "TLS is first in the pipeline");

        TlsPeer peer = new TlsPeer(c, tls.clientEngine()).handshake();
        assertEquals(List.of(), peer.replies(), "nor through TLS: they were discarded");
        peer.commands("RCPT TO:<bob@example.org>");
        assertEquals(List.of("503 5.5.1 Bad sequence of commands"), peer.replies(), "no injected transaction");
        List<String> verbs = server.events.stream().filter(e -> e.type() == MailEvent.Type.COMMAND)
                .map(MailEvent::command).toList();
        assertEquals(List.of("CONNECT", "EHLO", "STARTTLS", "RCPT"), verbs, "RSET and MAIL never ran");
    }

    @Test
    void theSessionStartsAfreshAndMailIsReceivedAsEsmtps() throws Exception {
        server.tls = tls;
        SmtpClient c = new SmtpClient(server);
        c.lines();
        ehlo(c);
        TlsPeer peer = startTls(c);
        peer.commands("MAIL FROM:<a@sender.example>");
        assertEquals(List.of("503 5.5.1 Bad sequence of commands"), peer.replies(),
                "RFC 3207 §4.2: the EHLO before TLS is forgotten");
        peer.commands("EHLO client.example.net", "MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>", "DATA");
        peer.lines();
        peer.send("Subject: tls\r\n\r\nsecret\r\n.\r\n");
        assertEquals(List.of("250 2.0.0 Ok: queued as M1"), peer.replies());
        String stored = server.fakeSpool().last().content();
        assertTrue(stored.contains("with ESMTPS id"), "RFC 3848: " + stored);
        assertTrue(peer.engine().getSession().getProtocol().startsWith("TLSv1."));
    }

    @Test
    void refusedInsideATransactionWithAnArgumentOrWhenTurnedOff() {
        server.tls = tls;
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>", "STARTTLS");
        assertEquals(List.of("250 2.1.0 Sender ok", "503 5.5.1 STARTTLS not allowed inside a mail transaction"), c.replies());
        c.commands("RSET", "STARTTLS now");
        assertEquals(List.of("250 2.0.0 Ok", "501 5.5.4 Syntax error in parameters or arguments"), c.replies());

        server.tlsPolicy = TlsPolicy.of("none", false);
        SmtpClient off = new SmtpClient(server);
        off.lines();
        assertFalse(ehlo(off).contains("250-STARTTLS"));
        off.commands("STARTTLS");
        assertEquals(List.of("502 5.5.1 Command not implemented"), off.replies());
    }
}
