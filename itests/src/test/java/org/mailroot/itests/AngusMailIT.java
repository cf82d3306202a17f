package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Instance;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.ServerExtension;

/** A real Jakarta Mail client (Angus) against the real server: delivery to Drop/, 8BITMIME, SMTPUTF8, relay refusal. */
class AngusMailIT {
    private static final Duration DELIVERY = Duration.ofSeconds(20);
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private Session session() {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(server.port()));
        p.put("mail.smtp.localhost", "angus.itest.example");
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.allow8bitmime", "true");  // RFC 6152, used when the server offers 8BITMIME
        p.put("mail.mime.allowutf8", "true");      // RFC 6531 SMTPUTF8 when offered
        return Session.getInstance(p);
    }

    private static MimeMessage message(Session session, String from, String to, String subject, String body)
            throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setHeader("Subject", subject);   // raw: no RFC 2047 encoding, so UTF-8 reaches the server as 8-bit
        m.setText(body, "UTF-8");
        return m;
    }

    @Test
    void deliversToDropWithEnvelopeAndReceivedHeader() throws Exception {
        String subject = "angus-" + UUID.randomUUID();
        Transport.send(message(session(), "sender@client.example", "user@example.com", subject, "hello\r\n"));

        MailFile mail = server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
        assertTrue(mail.firstLine().toLowerCase().startsWith("x-sender:"), "Drop file starts with x-sender: " + mail.firstLine());
        assertEquals("sender@client.example", strip(mail.xSender()));
        assertEquals(List.of("user@example.com"), mail.xReceivers().stream().map(AngusMailIT::strip).toList());
        String received = mail.header("Received").orElse(null);
        assertNotNull(received, "a Received header (RFC 5321 4.4) in " + mail.headers());
        assertTrue(received.contains(Instance.SERVER_NAME), "Received names the server: " + received);
        assertTrue(received.startsWith("from"), "Received starts with the from clause: " + received);
        assertTrue(mail.body().contains("hello"), mail.body());
    }

    @Test
    void eightBitMimeUtf8SubjectAndBody() throws Exception {
        String subject = "Grüße aus Köln – 日本語 " + UUID.randomUUID();
        String body = "Straße, naïve, 東京\r\n";
        MimeMessage m = message(session(), "sender@client.example", "user@example.com", subject, body);
        m.setHeader("Content-Transfer-Encoding", "8bit");
        Transport.send(m);

        MailFile mail = server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
        assertTrue(mail.body().contains("Straße, naïve, 東京"), "8-bit body kept byte for byte: " + mail.body());
    }

    @Test
    void smtpUtf8Address() throws Exception {
        String subject = "utf8-address-" + UUID.randomUUID();
        Transport.send(message(session(), "jürgen@client.example", "jörg@example.com", subject, "utf8 mailbox\r\n"));

        MailFile mail = server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
        assertEquals("jürgen@client.example", strip(mail.xSender()));
        assertEquals(List.of("jörg@example.com"), mail.xReceivers().stream().map(AngusMailIT::strip).toList());
    }

    @Test
    void nonLocalRecipientIsRefused550_571() throws Exception {
        MimeMessage m = message(session(), "sender@client.example", "someone@elsewhere.example", "relay", "no\r\n");
        SendFailedException failed = assertThrows(SendFailedException.class, () -> Transport.send(m));
        SMTPAddressFailedException refused = findAddressFailure(failed);
        assertNotNull(refused, "an SMTPAddressFailedException in the chain of " + failed);
        assertEquals(550, refused.getReturnCode(), refused.getMessage());
        assertTrue(refused.getMessage().contains("5.7.1"), "enhanced code 5.7.1 (RFC 3463): " + refused.getMessage());
    }

    private static SMTPAddressFailedException findAddressFailure(MessagingException e) {
        for (Exception next = e; next != null;
                next = next instanceof MessagingException me ? me.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException f) {
                return f;
            }
        }
        return null;
    }

    /** x-sender/x-receiver may be written with or without angle brackets. */
    private static String strip(String address) {
        String a = address == null ? "" : address.strip();
        return a.startsWith("<") && a.endsWith(">") ? a.substring(1, a.length() - 1) : a;
    }
}
