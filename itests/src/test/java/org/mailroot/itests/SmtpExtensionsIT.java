package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;
import org.mailroot.itests.harness.Smtp.Reply;

/** Extensions no library client exercises byte for byte: CHUNKING/BDAT (RFC 3030), PIPELINING (RFC 2920), DSN on the wire. */
class SmtpExtensionsIT {
    private static final Duration DELIVERY = Duration.ofSeconds(20);
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void bdatChunksAreDeliveredUnstuffed() throws Exception {
        String subject = "bdat-" + UUID.randomUUID();
        String chunk1 = "From: <bdat@client.example>\r\nSubject: " + subject + "\r\n\r\nfirst chunk\r\n";
        // BDAT is not dot-stuffed: a lone dot line is content, not the end of the message
        String chunk2 = ".\r\n..two dots stay two\r\nlast chunk\r\n";
        try (Smtp smtp = Smtp.open(server.port())) {
            Reply ehlo = smtp.ehlo();
            assertTrue(ehlo.has("CHUNKING"), "EHLO advertises CHUNKING: " + ehlo);
            assertEquals(250, smtp.command("MAIL FROM:<bdat@client.example>").code());
            assertEquals(250, smtp.command("RCPT TO:<user@example.com>").code());
            smtp.send("BDAT " + chunk1.length() + "\r\n" + chunk1);
            assertEquals(250, smtp.read().code(), "first chunk (RFC 3030 2)");
            smtp.send("BDAT " + chunk2.length() + " LAST\r\n" + chunk2);
            Reply last = smtp.read();
            assertEquals(250, last.code(), "last chunk: " + last);
            assertEquals(221, smtp.command("QUIT").code());
        }
        MailFile mail = server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
        assertTrue(mail.body().contains("first chunk\r\n.\r\n..two dots stay two\r\nlast chunk"),
                "both chunks, byte for byte: " + mail.body());
    }

    @Test
    void pipelinedTransaction() throws Exception {
        String subject = "pipelined-" + UUID.randomUUID();
        try (Smtp smtp = Smtp.open(server.port())) {
            assertTrue(smtp.ehlo().has("PIPELINING"), "EHLO advertises PIPELINING");
            // RFC 2920 3.1: the whole group in one write, the replies in order
            smtp.send("MAIL FROM:<pipe@client.example>\r\nRCPT TO:<user@example.com>\r\n"
                    + "RCPT TO:<other@example.com>\r\nDATA\r\n");
            assertEquals(250, smtp.read().code(), "MAIL");
            assertEquals(250, smtp.read().code(), "RCPT 1");
            assertEquals(250, smtp.read().code(), "RCPT 2");
            assertEquals(354, smtp.read().code(), "DATA");
            smtp.send("Subject: " + subject + "\r\n\r\npipelined\r\n.\r\nQUIT\r\n");
            assertEquals(250, smtp.read().code(), "end of data");
            assertEquals(221, smtp.read().code(), "QUIT");
        }
        server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
        Set<String> receivers = new TreeSet<>();
        server.instance().dropFolder().allWith("Subject", subject).forEach(m -> receivers.addAll(m.receivers()));
        assertEquals(Set.of("other@example.com", "user@example.com"), receivers);
    }

    @Test
    void dsnParametersOnTheWire() throws Exception {
        String subject = "dsn-" + UUID.randomUUID();
        try (Smtp smtp = Smtp.open(server.port())) {
            assertTrue(smtp.ehlo().has("DSN"), "EHLO advertises DSN (RFC 3461)");
            Reply mail = smtp.command("MAIL FROM:<dsn@client.example> RET=HDRS ENVID=QQ314159");
            assertEquals(250, mail.code(), "RET and ENVID (RFC 3461 4.3, 4.4): " + mail);
            Reply rcpt = smtp.command("RCPT TO:<user@example.com> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;user@example.com");
            assertEquals(250, rcpt.code(), "NOTIFY and ORCPT (RFC 3461 4.1, 4.2): " + rcpt);
            Reply bad = smtp.command("RCPT TO:<user2@example.com> NOTIFY=NEVER,SUCCESS");
            assertEquals(501, bad.code(), "NEVER combined with another value is a syntax error (RFC 3461 4.1): " + bad);
            assertEquals(250, smtp.data("Subject: " + subject + "\r\n\r\ndsn").code());
        }
        List<String> receivers = server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY).receivers();
        assertEquals(List.of("user@example.com"), receivers);
    }

    @Test
    void smtpUtf8AddressesNeedTheParameter() throws Exception {
        String subject = "smtputf8-" + UUID.randomUUID();
        try (Smtp smtp = Smtp.open(server.port())) {
            Reply ehlo = smtp.ehlo();
            assertTrue(ehlo.has("SMTPUTF8") && ehlo.has("8BITMIME"), "EHLO advertises SMTPUTF8 and 8BITMIME: " + ehlo);
            Reply without = smtp.command("MAIL FROM:<jürgen@client.example>");
            assertEquals(5, without.code() / 100,
                    "a non-ASCII address without SMTPUTF8 is refused (RFC 6531 3.5, 553 5.6.7): " + without);
            smtp.command("RSET");
            assertEquals(250, smtp.command("MAIL FROM:<jürgen@client.example> SMTPUTF8 BODY=8BITMIME").code());
            assertEquals(250, smtp.command("RCPT TO:<jörg@example.com>").code());
            assertEquals(250, smtp.data("Subject: " + subject + "\r\n\r\nGrüße").code());
        }
        MailFile mail = server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
        assertEquals(List.of("jörg@example.com"), mail.xReceivers());
        assertTrue(mail.body().contains("Grüße"), mail.body());
    }
}
