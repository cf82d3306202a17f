package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Instance;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;
import org.mailroot.itests.harness.TlsReady;
import org.mailroot.itests.harness.TlsSmtp;

/**
 * STARTTLS over a real socket: commands pipelined behind STARTTLS in the same segment are never
 * executed (CVE-2011-0411, RFC 3207 §4.2), the session starts afresh, and the submission server
 * refuses mail before TLS (530 5.7.0, RFC 3207 §4).
 */
class StartTlsInjectionIT {
    @RegisterExtension
    final ServerExtension server = new ServerExtension();
    private SSLContext trust;

    @BeforeEach
    void tlsUp() throws Exception {
        TlsReady.await(server.get());
        trust = TlsSmtp.trusting(server.instance().generatedCertificate());
    }

    @Test
    void aCommandPipelinedBehindStartTlsIsNotExecuted() throws Exception {
        try (TlsSmtp c = TlsSmtp.plain(server.port())) {
            assertEquals(220, c.read().code());
            assertTrue(c.command("EHLO client.itest.example").has("STARTTLS"), "RFC 3207 §4: advertised");
            // one write: the injected MAIL arrives before the handshake, in plaintext
            c.send("STARTTLS\r\nMAIL FROM:<attacker@evil.example>\r\n");
            Smtp.Reply ready = c.read();
            assertEquals(220, ready.code(), ready.toString());
            assertEquals("2.0.0 Ready to start TLS", ready.text());
            c.upgrade(trust, Instance.SERVER_NAME);

            Smtp.Reply first = c.command("HELP");
            assertEquals(214, first.code(), "the first reply over TLS answers HELP, not the injected MAIL: " + first);
            Smtp.Reply rcpt = c.command("RCPT TO:<user@example.com>");
            assertEquals(503, rcpt.code(), "no transaction was started by the injected MAIL: " + rcpt);
            Smtp.Reply mail = c.command("MAIL FROM:<sender@client.example>");
            assertEquals(503, mail.code(), "RFC 3207 §4.2: the EHLO before TLS is forgotten: " + mail);
            Smtp.Reply ehlo = c.command("EHLO client.itest.example");
            assertEquals(250, ehlo.code());
            assertFalse(ehlo.has("STARTTLS"), "not offered over TLS: " + ehlo);
            assertEquals(250, c.command("MAIL FROM:<sender@client.example>").code());
        }
    }

    @Test
    void submissionRefusesMailBeforeTlsAndAcceptsItAfter() throws Exception {
        try (TlsSmtp c = TlsSmtp.plain(server.instance().submissionPort())) {
            assertEquals(220, c.read().code());
            assertTrue(c.command("EHLO client.itest.example").has("STARTTLS"));
            Smtp.Reply refused = c.command("MAIL FROM:<sender@client.example>");
            assertEquals(530, refused.code(), refused.toString());
            assertEquals("5.7.0 Must issue a STARTTLS command first", refused.text());
            assertEquals(530, c.command("RCPT TO:<user@example.com>").code());
            assertEquals(530, c.command("DATA").code());

            assertEquals(220, c.command("STARTTLS").code());
            c.upgrade(trust, Instance.SERVER_NAME);
            assertTrue(c.protocol().equals("TLSv1.3") || c.protocol().equals("TLSv1.2"), c.protocol());
            assertEquals(250, c.command("EHLO client.itest.example").code());
            assertEquals(250, c.command("MAIL FROM:<sender@client.example>").code());
            assertEquals(250, c.command("RCPT TO:<user@example.com>").code());
        }
    }

    @Test
    void theSmtpsPortSpeaksTlsFromTheFirstByte() throws Exception {
        try (TlsSmtp c = TlsSmtp.implicit(server.instance().smtpsPort(), trust, Instance.SERVER_NAME)) {
            Smtp.Reply greeting = c.read();
            assertEquals(220, greeting.code(), greeting.toString());
            assertTrue(greeting.text().startsWith(Instance.SERVER_NAME), greeting.toString());
            assertEquals(503, c.command("STARTTLS").code(), "already TLS");
        }
        try (Smtp plain = Smtp.connect(server.instance().smtpsPort(), 3_000)) {
            plain.send("EHLO plaintext.example\r\n");
            assertTrue(plain.closedByServer(), "a plaintext client gets no SMTP and is dropped");
        }
    }
}
