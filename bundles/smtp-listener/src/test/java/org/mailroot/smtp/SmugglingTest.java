package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.SmtpClient;

/** Bare CR / bare LF never end a line (RFC 5321 §2.3.8; SMTP smuggling, CVE-2023-51764). */
class SmugglingTest {
    private static final String SMUGGLED = "MAIL FROM:<admin@victim.example>\r\n"
            + "RCPT TO:<bob@example.org>\r\nDATA\r\nSubject: forged\r\n\r\nforged\r\n";

    private final FakeServer server = FakeServer.acceptingExampleOrg();

    /** Every fake end-of-data sequence, written with \r and \n spelled out. */
    @ParameterizedTest
    @ValueSource(strings = {"\\n.\\n", "\\r.\\r", "\\r\\n.\\n", "\\n.\\r\\n", "\\r\\n.\\r",
            "\\r.\\r\\n", "\\n.\\r", "\\r.\\n", "\\n\\r.\\r\\n", "\\r\\n.\\r\\r\\n", "\\r\\n.\\n\\r\\n"})
    void fakeEndOfDataNeverEndsTheMessage(String spelled) {
        String fake = spelled.replace("\\r", "\r").replace("\\n", "\n");
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<alice@sender.example>", "RCPT TO:<bob@example.org>", "DATA");
        c.lines();
        c.send("Subject: real\r\n\r\nbody" + fake + SMUGGLED);
        assertEquals(List.of(), c.replies(), "nothing may be answered before the real end");
        c.send("\r\n.\r\n");
        assertEquals(List.of("550 5.5.2 Message refused: bare CR or LF in message text"), c.replies());
        assertTrue(server.fakeSpool().stored.isEmpty(), "nothing stored");
        c.commands("NOOP");
        assertEquals(List.of("250 2.0.0 Ok"), c.replies(), "session continues in command mode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\n", "\\r", "\\n\\r"})
    void bareLineEndingsInCommandsCloseWithoutExecuting(String spelled) {
        String bare = spelled.replace("\\r", "\r").replace("\\n", "\n");
        SmtpClient c = SmtpClient.ready(server);
        c.send("NOOP" + bare + "MAIL FROM:<admin@victim.example>\r\nRCPT TO:<bob@example.org>\r\n");
        assertEquals(List.of("500 5.5.2 Bare CR or LF not allowed"), c.replies());
        assertFalse(c.open());
    }

    @Test
    void bareCrAtTheEndOfAChunkWaitsForTheNextOctet() {
        SmtpClient c = SmtpClient.ready(server);
        c.send("NOOP\r");
        assertEquals(List.of(), c.replies());
        c.send("\nNOOP\r");
        assertEquals(List.of("250 2.0.0 Ok"), c.replies());
        c.send("X\r\n");
        assertEquals(List.of("500 5.5.2 Bare CR or LF not allowed"), c.replies());
    }

    @Test
    void realEndOfDataSplitAcrossWritesStillEnds() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>", "DATA");
        c.lines();
        for (String part : new String[] {"line one\r", "\n", ".", "\r", "\n"}) {
            c.send(part);
        }
        assertEquals(List.of("250 2.0.0 Ok: queued as M1"), c.replies());
        // The stored message is the Received: trace header followed by exactly the one body line.
        String stored = server.fakeSpool().last().content();
        int trace = stored.indexOf("\r\n", stored.indexOf("for <bob@example.org>;"));
        assertTrue(stored.startsWith("Received: ") && trace > 0, stored);
        assertEquals("line one\r\n", stored.substring(trace + 2), stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb\r\n", "a\rb\r\n", "ab\r"})
    void bareLineEndingsInBdatTextAreRefused(String chunk) {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>");
        c.lines();
        c.send("BDAT " + chunk.length() + " LAST\r\n" + chunk);
        assertEquals(List.of("550 5.5.2 Message refused: bare CR or LF in message text"), c.replies());
        assertTrue(server.fakeSpool().stored.isEmpty());
    }

    @Test
    void binaryMimeMayCarryBareLineFeeds() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example> BODY=BINARYMIME", "RCPT TO:<bob@example.org>");
        c.lines();
        String chunk = "\n.\n\r\0binary";
        c.send("BDAT " + chunk.length() + " LAST\r\n" + chunk);
        assertEquals(List.of("250 2.0.0 Ok: queued as M1"), c.replies());
        assertTrue(server.fakeSpool().last().content().endsWith(chunk));
    }
}
