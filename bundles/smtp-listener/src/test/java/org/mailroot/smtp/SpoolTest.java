package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailroot.api.spool.SpoolFullException;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.FakeSpool;
import org.mailroot.smtp.test.SmtpClient;

class SpoolTest {
    private final FakeServer server = FakeServer.acceptingExampleOrg();
    private final FakeSpool spool = server.fakeSpool();

    private SmtpClient afterData(String... rcpts) {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>");
        for (String r : rcpts) {
            c.commands("RCPT TO:<" + r + ">");
        }
        c.commands("DATA");
        c.lines();
        c.send("Subject: s\r\n\r\nbody\r\n.\r\nNOOP\r\n");
        return c;
    }

    @Test
    void replyOnlyAfterTheStoreCompletes() {
        spool.manual = true;
        SmtpClient c = afterData("bob@example.org");
        assertEquals(List.of(), c.lines(), "nothing before the spool confirms, pipelined NOOP waits too");
        spool.last().future().complete(null);
        assertEquals(List.of("250 2.0.0 Ok: queued as M1", "250 2.0.0 Ok"), c.replies());
    }

    @Test
    void spoolFull() {
        spool.manual = true;
        SmtpClient c = afterData("bob@example.org");
        spool.last().future().completeExceptionally(new SpoolFullException("disk full"));
        assertEquals(List.of("452 4.3.1 Insufficient system storage", "250 2.0.0 Ok"), c.replies());
    }

    @Test
    void otherStoreFailure() {
        spool.manual = true;
        SmtpClient c = afterData("bob@example.org");
        spool.last().future().completeExceptionally(new IOException("fsync failed"));
        assertEquals(List.of("451 4.3.0 Temporary local problem, try again later", "250 2.0.0 Ok"), c.replies());
    }

    @Test
    void spoolAbsent() {
        server.spool = null;
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>", "DATA");
        c.send("BDAT 3 LAST\r\nx\r\n");
        assertEquals(List.of("250 2.1.0 Sender ok", "250 2.1.5 Recipient ok",
                "451 4.3.0 Temporary local problem, try again later",
                "451 4.3.0 Temporary local problem, try again later"), c.replies());
    }

    @Test
    void spoolSwappedBackIn() {
        FakeSpool original = spool;
        server.spool = null;
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>", "DATA");
        server.spool = original;
        c.commands("DATA");
        c.send("x\r\n.\r\n");
        assertEquals("250 2.0.0 Ok: queued as M1", c.replies().get(4));
    }

    @Test
    void receivedHeaderWithoutReverseLookupShowsTheHeloAndTheIp() {
        afterData("bob@example.org").lines();
        String header = spool.last().content().split("\r\n(?![\t ])")[0];
        assertTrue(header.startsWith("Received: from client.example.net ([192.0.2.10])\r\n\tby "), header);
    }

    @Test
    void receivedHeader() {
        server.settings = server.settings.withReverseLookup(true);
        afterData("bob@example.org").lines();
        String header = spool.last().content().split("\r\n(?![\t ])")[0];
        Pattern p = Pattern.compile("Received: from client\\.example\\.net \\(client\\.example\\.net "
                + "\\[192\\.0\\.2\\.10\\]\\)\r\n\tby mx\\.example\\.org \\(Mailroot\\) with ESMTP id M1"
                + "\r\n\tfor <bob@example\\.org>; \\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}");
        assertTrue(p.matcher(header).matches(), header);
    }

    @Test
    void receivedHeaderWithoutForWhenSeveralRecipients() {
        afterData("bob@example.org", "carol@example.org").lines();
        String content = spool.last().content();
        assertTrue(content.contains("with ESMTP id M1; "), content);
        assertTrue(!content.contains("\tfor <"), content);
    }
}
