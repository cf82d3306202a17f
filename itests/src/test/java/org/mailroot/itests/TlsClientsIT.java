package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Instance;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.TlsReady;
import org.mailroot.itests.harness.TlsSmtp;

/**
 * Real clients over real TLS against the default distribution's three virtual servers: the MX
 * (STARTTLS offered), submission (STARTTLS required) and smtps (implicit TLS), each trusting only
 * the self-signed certificate the TLS bundle generated at the first start.
 */
class TlsClientsIT {
    private static final Duration DELIVERY = Duration.ofSeconds(20);
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @BeforeEach
    void tlsUp() {
        TlsReady.await(server.get());
    }

    private Session angus(int port, boolean implicit) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.localhost", "angus.itest.example");
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        // only the generated certificate is trusted: a handshake with anything else fails. Its name
        // (mx.itest.example) cannot match the 127.0.0.1 Angus dials, so Angus's name check is off
        // here; smtplib and TlsSmtp check the name (they send it with SNI).
        p.put("mail.smtp.ssl.socketFactory", TlsSmtp.trusting(server.instance().generatedCertificate()).getSocketFactory());
        p.put("mail.smtp.ssl.checkserveridentity", "false");
        if (implicit) {
            p.put("mail.smtp.ssl.enable", "true");
        } else {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true"); // fail rather than send in plaintext
        }
        return Session.getInstance(p);
    }

    private MailFile sendWithAngus(int port, boolean implicit) throws Exception {
        String subject = "angus-tls-" + UUID.randomUUID();
        Session session = angus(port, implicit);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("sender@client.example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("user@example.com"));
        m.setSubject(subject);
        m.setText("over TLS\r\n");
        Transport.send(m);
        return server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
    }

    @Test
    void angusMailWithStartTlsOnTheMx() throws Exception {
        MailFile mail = sendWithAngus(server.port(), false);
        assertTrue(mail.header("Received").orElseThrow().contains("with ESMTPS"),
                "RFC 3848: " + mail.header("Received"));
    }

    @Test
    void angusMailWithImplicitTlsOnSmtps() throws Exception {
        MailFile mail = sendWithAngus(server.instance().smtpsPort(), true);
        assertTrue(mail.header("Received").orElseThrow().contains("with ESMTPS"),
                "RFC 3848: " + mail.header("Received"));
    }

    @Test
    void smtplibWithStartTlsOnSubmission() throws Exception {
        String subject = "smtplib-starttls-" + UUID.randomUUID();
        List<String> out = python("starttls", server.instance().submissionPort(), subject);
        String all = String.join("\n", out);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("EHLO_BEFORE=") && l.contains("starttls")), all);
        assertTrue(out.contains("STARTTLS=220"), all);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("EHLO_AFTER=") && !l.contains("starttls")),
                "not offered again over TLS:\n" + all);
        assertTrue(out.stream().anyMatch(l -> l.matches("TLS=TLSv1\\.[23] .*")), all);
        assertTrue(out.contains("RESULT=ok"), all);
        MailFile mail = server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
        assertTrue(mail.header("Received").orElseThrow().contains("with ESMTPS"), mail.headers().toString());
    }

    @Test
    void smtplibWithImplicitTlsOnSmtps() throws Exception {
        String subject = "smtplib-implicit-" + UUID.randomUUID();
        List<String> out = python("implicit", server.instance().smtpsPort(), subject);
        String all = String.join("\n", out);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("EHLO_BEFORE=") && !l.contains("starttls")), all);
        assertTrue(out.contains("RESULT=ok"), all);
        server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
    }

    private List<String> python(String mode, int port, String subject) throws Exception {
        Path script = Paths.get(System.getProperty("mailroot.itests.python", "src/test/python")).resolve("send_tls.py");
        Process process = new ProcessBuilder("python3", script.toString(), mode, "127.0.0.1", Integer.toString(port),
                Instance.SERVER_NAME, server.instance().generatedCertificate().toString(), subject)
                .redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("smtplib did not finish within 60 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "python3 send_tls.py " + mode + " failed:\n" + out);
        return out.lines().toList();
    }

    static String read(Path file) throws Exception {
        return Files.readString(file);
    }
}
