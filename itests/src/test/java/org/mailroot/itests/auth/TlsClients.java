package org.mailroot.itests.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.mailroot.itests.harness.Instance;
import org.mailroot.itests.harness.Smtp;
import org.mailroot.itests.harness.TlsSmtp;

/**
 * The real clients of the AUTH-over-TLS tests, each trusting only the certificate the TLS bundle
 * generated: Angus Mail (STARTTLS required, or implicit TLS), Python's smtplib (auth_tls.py, which
 * also checks the name), and the raw {@link TlsSmtp} for exact replies.
 */
final class TlsClients {
    private TlsClients() {
    }

    /** Angus Mail sending one message as {@code user} with {@code mechanism} (space separated list allowed). */
    static void angusSend(Instance instance, boolean implicit, String mechanism, String user, String password,
            String from, String subject) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(implicit ? instance.smtpsPort() : instance.submissionPort()));
        p.put("mail.smtp.localhost", "angus.itest.example");
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.auth.mechanisms", mechanism);
        if (mechanism.equals("CRAM-MD5")) {
            // Angus has no CRAM-MD5 of its own: it uses the JDK's SASL client (RFC 2195)
            p.put("mail.smtp.sasl.enable", "true");
            p.put("mail.smtp.sasl.mechanisms", "CRAM-MD5");
        }
        // the generated certificate names mx.itest.example, Angus dials 127.0.0.1: the chain is
        // checked (only that certificate is trusted), the name by smtplib and TlsSmtp
        p.put("mail.smtp.ssl.socketFactory", TlsSmtp.trusting(instance.generatedCertificate()).getSocketFactory());
        p.put("mail.smtp.ssl.checkserveridentity", "false");
        if (implicit) {
            p.put("mail.smtp.ssl.enable", "true");
        } else {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true"); // never AUTH in plaintext
        }
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("user@example.com"));
        m.setSubject(subject);
        m.setText("AUTH " + mechanism + " over TLS\r\n");
        Transport.send(m, user, password);
    }

    /** python3 auth_tls.py MODE ...; the password goes to its stdin. Returns its output lines. */
    static List<String> smtplib(Instance instance, String mode, String mech, String user, String password,
            String subject) throws Exception {
        Path script = Paths.get(System.getProperty("mailroot.itests.python", "src/test/python")).resolve("auth_tls.py");
        int port = mode.equals("implicit") ? instance.smtpsPort() : instance.submissionPort();
        Process process;
        try {
            process = new ProcessBuilder("python3", script.toString(), mode, "127.0.0.1", Integer.toString(port),
                    Instance.SERVER_NAME, instance.generatedCertificate().toString(), mech, user, subject)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("python3 is required by this test: " + e.getMessage(), e);
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("smtplib did not finish within 60 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "auth_tls.py " + mode + " failed:\n" + out);
        return out.lines().toList();
    }

    /** A raw client on submission after STARTTLS and the second EHLO (whose reply is returned in {@code ehlo[0]}). */
    static TlsSmtp startTls(Instance instance, Smtp.Reply[] ehlo) throws Exception {
        TlsSmtp c = TlsSmtp.plain(instance.submissionPort());
        try {
            assertEquals(220, c.read().code());
            c.command("EHLO raw.itest.example");
            assertEquals(220, c.command("STARTTLS").code(), "RFC 3207 §4");
            c.upgrade(TlsSmtp.trusting(instance.generatedCertificate()), Instance.SERVER_NAME);
            ehlo[0] = c.command("EHLO raw.itest.example");
            return c;
        } catch (Exception | AssertionError e) {
            c.close();
            throw e;
        }
    }
}
