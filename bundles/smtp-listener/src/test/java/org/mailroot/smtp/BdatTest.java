package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailroot.api.Envelope;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.SmtpClient;

/** CHUNKING (RFC 3030). */
class BdatTest {
    private final FakeServer server = FakeServer.acceptingExampleOrg();

    private SmtpClient inTransaction(String mailParams) {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>" + mailParams, "RCPT TO:<bob@example.org>");
        c.lines();
        return c;
    }

    @Test
    void chunksThenLast() {
        SmtpClient c = inTransaction("");
        c.send("BDAT 7\r\nSubject");
        c.send("BDAT 7\r\n: x\r\n\r\nBDAT 8 LAST\r\nbody\r\n\r\n");
        c.commands("BDAT 0 LAST");
        assertEquals(List.of("250 2.0.0 7 octets received", "250 2.0.0 14 octets received",
                "250 2.0.0 Ok: queued as M1", "503 5.5.1 Bad sequence of commands"), c.replies());
        assertTrue(server.fakeSpool().last().content().endsWith("\r\nSubject: x\r\n\r\nbody\r\n\r\n"));
    }

    @Test
    void emptyLastChunk() {
        SmtpClient c = inTransaction("");
        c.send("BDAT 3\r\nx\r\nBDAT 0 LAST\r\n");
        assertEquals(List.of("250 2.0.0 3 octets received", "250 2.0.0 Ok: queued as M1"), c.replies());
    }

    @Test
    void refusedBdatStillConsumesItsChunk() {
        SmtpClient c = SmtpClient.ready(server);
        String chunk = "QUIT\r\n";
        c.send("BDAT " + chunk.length() + " LAST\r\n" + chunk + "NOOP\r\n");
        assertEquals(List.of("503 5.5.1 Bad sequence of commands", "250 2.0.0 Ok"), c.replies());
        assertTrue(c.open(), "the QUIT inside the chunk was data, not a command");
    }

    @Test
    void mixingRules() {
        SmtpClient c = inTransaction("");
        c.commands("BDAT 3", "abc");
        c.lines();
        c.commands("DATA", "MAIL FROM:<x@y.example>", "RSET", "MAIL FROM:<x@y.example> BODY=BINARYMIME",
                "RCPT TO:<bob@example.org>", "DATA");
        assertEquals(List.of("503 5.5.1 Bad sequence of commands", "503 5.5.1 Bad sequence of commands",
                "250 2.0.0 Ok", "250 2.1.0 Sender ok", "250 2.1.5 Recipient ok",
                "503 5.5.1 Bad sequence of commands"), c.replies());
    }

    @Test
    void badSizeCloses() {
        SmtpClient c = inTransaction("");
        c.commands("BDAT ten LAST");
        assertEquals(List.of("501 5.5.4 Syntax: BDAT size [LAST]"), c.replies());
        assertFalse(c.open());
    }

    @Test
    void chunkBeyondTheSizeLimit() {
        server.settings = server.settings.withMaxMessageSize(10);
        SmtpClient c = inTransaction("");
        c.send("BDAT 20\r\n" + "x".repeat(20) + "BDAT 2 LAST\r\nab");
        assertEquals(List.of("552 5.3.4 Message size exceeds fixed maximum message size",
                "503 5.5.1 Bad sequence of commands"), c.replies());
        assertTrue(server.fakeSpool().stored.isEmpty());
    }

    @Test
    void bodyParameterIsStored() {
        SmtpClient c = inTransaction(" BODY=8BITMIME");
        c.send("BDAT 4 LAST\r\nab\r\n");
        assertEquals(List.of("250 2.0.0 Ok: queued as M1"), c.replies());
        assertEquals(Envelope.Body.EIGHT_BIT_MIME, server.fakeSpool().last().envelope().body());
    }
}
