package org.mailroot.itests.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;

/** Angus Mail submitting through the real submission listener with AUTH PLAIN and LOGIN. */
class AngusAuthIT {
    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance -> {
        // no lockout: the live-reload test polls with attempts that fail until the file is reloaded
        AuthSetup.plaintextSubmission(instance, "failureDelayMillis=0", "maxFailures=1000");
        AuthSetup.addUser(instance, AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD, "sales@example.com");
    });

    private Session session(String mechanism) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(server.instance().submissionPort()));
        p.put("mail.smtp.localhost", "angus.itest.example");
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.auth.mechanisms", mechanism);
        return Session.getInstance(p);
    }

    private void send(String mechanism, String from, String password, String subject) throws MessagingException {
        Session s = session(mechanism);
        MimeMessage m = new MimeMessage(s);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("user@example.com"));
        m.setSubject(subject);
        m.setText("hello\r\n");
        Transport.send(m, AuthSetup.ALICE, password);
    }

    @Test
    void plainAndLoginWithTheRightPasswordDeliverWithTheIdentityInReceived() throws Exception {
        for (String mechanism : new String[] {"PLAIN", "LOGIN"}) {
            String subject = "auth-" + mechanism + "-" + UUID.randomUUID();
            send(mechanism, AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD, subject);
            MailFile mail = server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
            String received = java.nio.file.Files.readString(mail.path());
            assertTrue(received.contains("with ESMTPA"), mechanism + ": RFC 3848 ESMTPA in " + received);
            assertTrue(received.contains("(authenticated as alice@example.com)"), mechanism + ": identity in Received");
        }
    }

    @Test
    void wrongPasswordFailsWith535ForBothMechanisms() {
        for (String mechanism : new String[] {"PLAIN", "LOGIN"}) {
            AuthenticationFailedException e = assertThrows(AuthenticationFailedException.class,
                    () -> send(mechanism, AuthSetup.ALICE, "wrong password", "never"));
            assertTrue(String.valueOf(e.getMessage()).contains("535 5.7.8"), mechanism + ": " + e.getMessage());
        }
    }

    @Test
    void senderRestrictedToTheUsersOwnAddressesOnSubmission() throws Exception {
        String subject = "alias-" + UUID.randomUUID();
        send("PLAIN", "sales@example.com", AuthSetup.ALICE_PASSWORD, subject);
        server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
        SMTPSendFailedException e = assertThrows(SMTPSendFailedException.class,
                () -> send("PLAIN", "ceo@example.com", AuthSetup.ALICE_PASSWORD, "forged"));
        assertEquals(553, e.getReturnCode(), e.getMessage());
        assertTrue(e.getMessage().contains("5.7.1"), e.getMessage());
    }

    @Test
    void submissionRequiresAuthAndTheMxNeverOffersItInPlaintext() throws Exception {
        try (Smtp smtp = Smtp.open(server.instance().submissionPort())) {
            Smtp.Reply ehlo = smtp.ehlo();
            assertTrue(ehlo.lines().stream().anyMatch(l -> l.startsWith("AUTH ") && l.contains("PLAIN")
                    && l.contains("LOGIN") && l.contains("SCRAM-SHA-256")),
                    "submission offers AUTH (allowPlaintextAuth=true here): " + ehlo);
            assertEquals(530, smtp.command("MAIL FROM:<alice@example.com>").code(), "RFC 4954 §6: 530 before AUTH");
        }
        try (Smtp smtp = Smtp.open(server.port())) {
            Smtp.Reply ehlo = smtp.ehlo();
            assertFalse(ehlo.has("AUTH"), "no AUTH without TLS by default: " + ehlo);
            assertEquals(538, smtp.command("AUTH PLAIN " + AuthSetup.plain(AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD)).code());
            assertEquals(250, smtp.command("MAIL FROM:<anyone@elsewhere.example>").code(), "the MX never requires AUTH");
        }
    }

    @Test
    void aUserAddedWhileRunningCanLogInWithoutRestart() throws Exception {
        AuthSetup.addUser(server.instance(), "bob@example.com", "bobs password");
        org.mailroot.itests.harness.Await.until(Duration.ofSeconds(10), "bob can log in", (java.util.function.BooleanSupplier) () -> {
            try (Smtp smtp = Smtp.open(server.instance().submissionPort())) {
                smtp.ehlo();
                return smtp.command("AUTH PLAIN " + AuthSetup.plain("bob@example.com", "bobs password")).code() == 235;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }
}
