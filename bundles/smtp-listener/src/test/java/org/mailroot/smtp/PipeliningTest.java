package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.ManualExecutor;
import org.mailroot.smtp.test.SmtpClient;

/** RFC 2920: replies in command order even when hooks answer later. */
class PipeliningTest {

    @Test
    void repliesKeepTheOrderOfCommandsWhileHooksRun() {
        FakeServer server = FakeServer.acceptingExampleOrg();
        ManualExecutor hooks = new ManualExecutor();
        server.workers = hooks;
        server.settings = server.settings.withReverseLookup(true); // the connection step blocks
        SmtpClient c = new SmtpClient(server);
        c.commands("EHLO client", "MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>",
                "RCPT TO:<far@elsewhere.example>", "NOOP");
        assertEquals(List.of(), c.lines(), "nothing before the connection step has run");

        assertTrue(hooks.runOne()); // reverse lookup and connection filters
        assertEquals(List.of("220 mx.example.org ESMTP Mailroot ready", "250 HELP", "250 2.1.0 Sender ok"),
                c.replies());
        assertEquals(1, hooks.pending(), "only the first RCPT has started");

        assertTrue(hooks.runOne());
        assertEquals(List.of("250 2.1.5 Recipient ok"), c.replies());
        assertTrue(hooks.runOne());
        assertEquals(List.of("550 5.7.1 Relaying denied", "250 2.0.0 Ok"), c.replies());
        assertEquals(0, hooks.pending());
    }

    @Test
    void dataAndMessagePipelinedInOneWrite() {
        FakeServer server = FakeServer.acceptingExampleOrg();
        SmtpClient c = SmtpClient.ready(server);
        c.send("MAIL FROM:<a@sender.example>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\n"
                + "Subject: 1\r\n\r\none\r\n.\r\nMAIL FROM:<b@sender.example>\r\nRCPT TO:<carol@example.org>\r\n"
                + "BDAT 5 LAST\r\ntwo\r\nQUIT\r\n");
        assertEquals(List.of("250 2.1.0 Sender ok", "250 2.1.5 Recipient ok",
                "354 End data with <CR><LF>.<CR><LF>", "250 2.0.0 Ok: queued as M1",
                "250 2.1.0 Sender ok", "250 2.1.5 Recipient ok", "250 2.0.0 Ok: queued as M2",
                "221 2.0.0 Bye"), c.replies());
        assertEquals(2, server.fakeSpool().stored.size());
    }
}
