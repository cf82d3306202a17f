package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.mailroot.api.log.MailEvent;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.SmtpClient;
import org.junit.jupiter.api.Test;

class CommandsTest {
    private final FakeServer server = FakeServer.acceptingExampleOrg();

    @Test
    void greetingAndEhloAdvertiseTheExtensions() {
        SmtpClient c = new SmtpClient(server);
        assertEquals(List.of("220 mx.example.org ESMTP Mailroot ready"), c.lines());
        c.commands("EHLO client.example.net");
        assertEquals(List.of("250-mx.example.org Hello client.example.net [192.0.2.10]",
                "250-PIPELINING", "250-SIZE 2097152", "250-8BITMIME", "250-ENHANCEDSTATUSCODES",
                "250-SMTPUTF8", "250-CHUNKING", "250-BINARYMIME", "250-DSN", "250 HELP"), c.lines());
    }

    @Test
    void bannerFromSettings() {
        server.settings = new ListenerSettings("default", List.of("0.0.0.0"), 25, "mx.example.org",
                "Welcome", 1024, 4096, 10, 0, 600, 512, 1000, false, 30);
        assertEquals(List.of("220 mx.example.org Welcome"), new SmtpClient(server).lines());
    }

    @Test
    void heloHasNoExtensionsAndNoParameters() {
        SmtpClient c = new SmtpClient(server);
        c.lines();
        c.commands("HELO client", "MAIL FROM:<a@b.example> SIZE=10", "MAIL FROM:<a@b.example>");
        assertEquals(List.of("250 mx.example.org Hello client [192.0.2.10]",
                "555 5.5.4 Parameter not recognized or not implemented", "250 2.1.0 Sender ok"), c.replies());
    }

    @Test
    void wholeTransactionIsStoredWithDotUnstuffing() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<alice@sender.example>", "RCPT TO:<bob@example.org>", "DATA");
        assertEquals(List.of("250 2.1.0 Sender ok", "250 2.1.5 Recipient ok",
                "354 End data with <CR><LF>.<CR><LF>"), c.replies());
        c.send("Subject: hi\r\n\r\n..leading dot\r\n.\r\n");
        assertEquals(List.of("250 2.0.0 Ok: queued as M1"), c.replies());
        String stored = server.fakeSpool().last().content();
        assertTrue(stored.startsWith("Received: from client.example.net"), stored);
        assertTrue(stored.endsWith("Subject: hi\r\n\r\n.leading dot\r\n"), stored);
        assertEquals("bob@example.org",
                server.fakeSpool().last().envelope().recipients().get(0).address().address());
        assertEquals("alice@sender.example", server.fakeSpool().last().envelope().sender().address());
    }

    @Test
    void simpleCommands() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("NOOP", "RSET", "VRFY bob", "VRFY", "HELP", "EXPN list", "FOO", "", "QUIT x");
        assertEquals(List.of("250 2.0.0 Ok", "250 2.0.0 Ok",
                "252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery",
                "501 5.5.4 Syntax error in parameters or arguments", "214 2.0.0 See RFC 5321",
                "502 5.5.1 Command not implemented", "500 5.5.1 Command unrecognized",
                "500 5.5.2 Syntax error, empty command",
                "501 5.5.4 Syntax error in parameters or arguments"), c.replies());
        c.commands("QUIT");
        assertEquals(List.of("221 2.0.0 Bye"), c.replies());
        assertFalse(c.open());
    }

    @Test
    void badSequences() {
        SmtpClient c = new SmtpClient(server);
        c.lines();
        c.commands("MAIL FROM:<a@b.example>", "EHLO x", "RCPT TO:<bob@example.org>", "DATA",
                "MAIL FROM:<a@b.example>", "MAIL FROM:<a@b.example>", "DATA");
        assertEquals(List.of("503 5.5.1 Bad sequence of commands", "250 HELP",
                "503 5.5.1 Bad sequence of commands", "503 5.5.1 Bad sequence of commands",
                "250 2.1.0 Sender ok", "503 5.5.1 Bad sequence of commands",
                "503 5.5.1 Bad sequence of commands"), c.replies());
    }

    @Test
    void rsetEndsTheTransaction() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@b.example>", "RSET", "RCPT TO:<bob@example.org>");
        assertEquals(List.of("250 2.1.0 Sender ok", "250 2.0.0 Ok",
                "503 5.5.1 Bad sequence of commands"), c.replies());
    }

    @Test
    void syntaxErrorsInPaths() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:alice@x.example", "MAIL FROM:<alice>", "MAIL FROM:<> FOO=1",
                "MAIL FROM:<>", "RCPT TO:<>", "RCPT TO:<bob@example.org", "RCPT TO:<@relay.example:bob@example.org>");
        assertEquals(List.of("501 5.5.4 Syntax error in parameters or arguments",
                "501 5.1.7 Bad sender address syntax",
                "555 5.5.4 Parameter not recognized or not implemented", "250 2.1.0 Sender ok",
                "501 5.1.3 Bad recipient address syntax",
                "501 5.5.4 Syntax error in parameters or arguments", "250 2.1.5 Recipient ok"), c.replies());
    }

    @Test
    void postmasterWithoutDomainGoesToTheServerName() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<>", "RCPT TO:<Postmaster>", "DATA");
        c.send("x\r\n.\r\n");
        assertEquals("250 2.0.0 Ok: queued as M1", c.replies().get(3));
        assertEquals("postmaster@mx.example.org",
                server.fakeSpool().last().envelope().recipients().get(0).address().address());
    }

    @Test
    void smtpUtf8AddressesNeedTheParameter() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<jörg@sender.example>", "MAIL FROM:<jörg@sender.example> SMTPUTF8",
                "RCPT TO:<bob@example.org>", "DATA");
        c.send("x\r\n.\r\n");
        assertEquals(List.of("553 5.6.7 Non-ASCII address requires SMTPUTF8", "250 2.1.0 Sender ok",
                "250 2.1.5 Recipient ok", "354 End data with <CR><LF>.<CR><LF>",
                "250 2.0.0 Ok: queued as M1"), c.replies());
        assertTrue(server.fakeSpool().last().envelope().smtpUtf8());
        assertTrue(server.fakeSpool().last().content().contains("with UTF8SMTP id M1"));
    }

    @Test
    void eventsForConnectCommandsReceivedAndDisconnect() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@b.example>", "RCPT TO:<bob@example.org>", "DATA");
        c.send("x\r\n.\r\n");
        c.commands("QUIT");
        c.lines();
        List<MailEvent.Type> types = server.events.stream().map(MailEvent::type).toList();
        assertEquals(MailEvent.Type.CONNECT, types.get(0));
        assertEquals(MailEvent.Type.DISCONNECT, types.get(types.size() - 1));
        assertTrue(server.events.stream().anyMatch(e -> e.type() == MailEvent.Type.RECEIVED
                && e.messageId().equals("M1")));
        assertTrue(server.events.stream().anyMatch(e -> e.command().equals("RCPT") && e.replyCode() == 250));
    }
}
