package org.mailroot.itests.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Instance;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;
import org.mailroot.itests.harness.TlsFiles;
import org.mailroot.itests.harness.TlsReady;
import org.mailroot.itests.harness.TlsSmtp;

/**
 * AUTH over real TLS with the shipped defaults (no allowPlaintextAuth): submission (STARTTLS and
 * AUTH required) and smtps (implicit TLS, AUTH required), with Angus Mail, Python's smtplib, a
 * SCRAM-SHA-256 client and raw commands. The account is made by the real
 * {@code bin/mailroot user add --password-stdin}.
 */
class TlsAuthIT {
    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance -> {
        AuthSetup.tlsSubmission(instance, "failureDelayMillis=0", "maxFailures=1000");
        AuthSetup.cliAddUser(instance, AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD, "--alias", "sales@example.com");
    });

    @BeforeEach
    void tlsUp() {
        TlsReady.await(server.get());
    }

    private static boolean offersAuth(Smtp.Reply ehlo) {
        return ehlo.lines().stream().anyMatch(l -> l.startsWith("AUTH ") || l.startsWith("AUTH="));
    }

    @Test
    void submissionAdvertisesAuthOnlyAfterStartTlsAndAnswers530Before() throws Exception {
        Instance instance = server.instance();
        try (TlsSmtp c = TlsSmtp.plain(instance.submissionPort())) {
            assertEquals(220, c.read().code());
            Smtp.Reply before = c.command("EHLO raw.itest.example");
            assertTrue(before.has("STARTTLS"), before.toString());
            assertFalse(offersAuth(before), "RFC 4954 §4 policy: no AUTH in plaintext: " + before);
            Smtp.Reply mail = c.command("MAIL FROM:<alice@example.com>");
            assertEquals(530, mail.code(), "RFC 3207 §4: " + mail);
            assertTrue(mail.text().startsWith("5.7.0"), mail.toString());
            // requireTls guards AUTH too, so the answer is RFC 3207's 530 5.7.0, not RFC 4954's 538
            Smtp.Reply auth = c.command("AUTH PLAIN " + AuthSetup.plain(AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD));
            assertEquals(530, auth.code(), auth.toString());
            assertTrue(auth.text().startsWith("5.7.0"), auth.toString());

            assertEquals(220, c.command("STARTTLS").code());
            c.upgrade(TlsSmtp.trusting(instance.generatedCertificate()), Instance.SERVER_NAME);
            Smtp.Reply after = c.command("EHLO raw.itest.example");
            assertTrue(after.lines().stream().anyMatch(l -> l.startsWith("AUTH ") && l.contains("PLAIN")
                    && l.contains("LOGIN") && l.contains("SCRAM-SHA-256")), after.toString());
            assertFalse(after.text().contains("CRAM-MD5"), "CRAM-MD5 is off by default: " + after);
            assertFalse(after.has("STARTTLS"), "RFC 3207 §4.2: not offered again");
            Smtp.Reply unauthenticated = c.command("MAIL FROM:<alice@example.com>");
            assertEquals(530, unauthenticated.code(), "RFC 4954 §6: authentication required " + unauthenticated);
            assertEquals(235, c.command("AUTH PLAIN " + AuthSetup.plain(AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD)).code());
            assertEquals(250, c.command("MAIL FROM:<alice@example.com>").code());
        }
        // the MX: TLS offered, not required, no allowPlaintextAuth: AUTH before STARTTLS is RFC 4954's 538
        try (Smtp smtp = Smtp.open(server.port())) {
            assertFalse(offersAuth(smtp.ehlo()));
            Smtp.Reply auth = smtp.command("AUTH PLAIN " + AuthSetup.plain(AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD));
            assertEquals(538, auth.code(), "RFC 4954 §6: " + auth);
        }
    }

    @Test
    @ServerExtension.Listener("allowPlaintextAuth=true")
    void anIdentityFromBeforeStartTlsIsGoneAfterIt() throws Exception {
        Instance instance = server.instance();
        try (TlsSmtp c = TlsSmtp.plain(server.port())) {
            assertEquals(220, c.read().code());
            assertTrue(offersAuth(c.command("EHLO raw.itest.example")), "allowPlaintextAuth=true on this MX");
            assertEquals(235, c.command("AUTH PLAIN " + AuthSetup.plain(AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD)).code());
            assertEquals(503, c.command("AUTH PLAIN " + AuthSetup.plain(AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD)).code(),
                    "RFC 4954 §4: authenticated now");
            assertEquals(220, c.command("STARTTLS").code());
            c.upgrade(TlsSmtp.trusting(instance.generatedCertificate()), Instance.SERVER_NAME);
            Smtp.Reply ehlo = c.command("EHLO raw.itest.example");
            assertTrue(offersAuth(ehlo), "RFC 3207 §4.2: the server forgot the AUTH, so offers it again: " + ehlo);
            Smtp.Reply again = c.command("AUTH PLAIN " + AuthSetup.plain(AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD));
            assertEquals(235, again.code(), "not 503: the plaintext identity was discarded " + again);
        }
    }

    @Test
    void angusMailPlainAndLoginOverStartTlsAndImplicitTls() throws Exception {
        for (boolean implicit : new boolean[] {false, true}) {
            for (String mechanism : List.of("PLAIN", "LOGIN")) {
                String what = mechanism + (implicit ? " on smtps" : " on submission");
                String subject = "angus-tls-auth-" + mechanism + "-" + UUID.randomUUID();
                TlsClients.angusSend(server.instance(), implicit, mechanism, AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD,
                        "sales@example.com", subject);
                MailFile mail = server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
                String text = Files.readString(mail.path());
                assertTrue(text.contains("with ESMTPSA"), what + ": RFC 3848 ESMTPSA in " + text);
                assertTrue(text.contains("(authenticated as alice@example.com)"), what);

                AuthenticationFailedException e = assertThrows(AuthenticationFailedException.class,
                        () -> TlsClients.angusSend(server.instance(), implicit, mechanism, AuthSetup.ALICE,
                                "wrong password", AuthSetup.ALICE, "never"), what);
                assertTrue(String.valueOf(e.getMessage()).contains("535 5.7.8"), what + ": " + e.getMessage());
            }
        }
    }

    @Test
    void smtplibStartTlsThenLoginAndSmtpSslThenLogin() throws Exception {
        for (String mode : List.of("starttls", "implicit")) {
            String subject = "smtplib-tls-auth-" + mode + "-" + UUID.randomUUID();
            List<String> out = TlsClients.smtplib(server.instance(), mode, "login", AuthSetup.ALICE,
                    AuthSetup.ALICE_PASSWORD, subject);
            String all = mode + ":\n" + String.join("\n", out);
            if (mode.equals("starttls")) {
                assertTrue(out.contains("AUTH_BEFORE="), "no AUTH before STARTTLS: " + all);
                assertTrue(out.contains("STARTTLS=220"), all);
            }
            assertTrue(out.stream().anyMatch(l -> l.matches("TLS=TLSv1\\.[23]")), all);
            assertTrue(out.stream().anyMatch(l -> l.startsWith("AUTH_AFTER=") && l.contains("PLAIN")), all);
            assertTrue(out.contains("AUTH=235"), all);
            assertTrue(out.contains("RESULT=ok"), all);
            MailFile mail = server.instance().dropFolder().awaitWith("Subject", subject, DELIVERY);
            assertTrue(Files.readString(mail.path()).contains("(authenticated as alice@example.com)"), all);

            List<String> wrong = TlsClients.smtplib(server.instance(), mode, "login", AuthSetup.ALICE,
                    "not the password", "never");
            assertTrue(wrong.stream().anyMatch(l -> l.startsWith("AUTH=535 5.7.8")), mode + ": " + wrong);
            assertFalse(wrong.contains("RESULT=ok"), mode + ": " + wrong);
        }
    }

    @Test
    void swaksWithTlsOnSubmissionAndTlsOnConnectOnSmtps() throws Exception {
        Instance instance = server.instance();
        for (String mode : List.of("--tls", "--tls-on-connect")) {
            int port = mode.equals("--tls") ? instance.submissionPort() : instance.smtpsPort();
            String subject = "swaks" + mode + "-" + UUID.randomUUID();
            TlsFiles.Result ok = swaks(port, mode, AuthSetup.ALICE_PASSWORD, subject);
            assertEquals(0, ok.exit(), mode + ":\n" + ok.text());
            assertTrue(ok.text().contains("235 2.7.0"), mode + ":\n" + ok.text());
            MailFile mail = instance.dropFolder().awaitWith("Subject", subject, DELIVERY);
            assertTrue(Files.readString(mail.path()).contains("with ESMTPSA"), mode);

            TlsFiles.Result wrong = swaks(port, mode, "wrong password", "never");
            assertTrue(wrong.exit() != 0 && wrong.text().contains("535 5.7.8"), mode + ":\n" + wrong.text());
        }
    }

    /** The README's swaks command (CI installs swaks and its TLS modules: fail if it is missing). */
    private static TlsFiles.Result swaks(int port, String tlsMode, String password, String subject) throws Exception {
        return TlsFiles.output("swaks", "--server", "127.0.0.1:" + port, tlsMode, "--auth", "PLAIN",
                "--auth-user", AuthSetup.ALICE, "--auth-password", password, "--from", AuthSetup.ALICE,
                "--to", "user@example.com", "--ehlo", "swaks.itest.example", "--header", "Subject: " + subject,
                "--timeout", "20");
    }

    @Test
    void scramSha256OverStartTls() throws Exception {
        Smtp.Reply[] ehlo = new Smtp.Reply[1];
        try (TlsSmtp c = TlsClients.startTls(server.instance(), ehlo)) {
            assertTrue(ehlo[0].text().contains("SCRAM-SHA-256"), ehlo[0].toString());
            assertEquals(535, ScramClient.authenticate(c::command, AuthSetup.ALICE, "wrong").code());
            assertEquals(530, c.command("MAIL FROM:<alice@example.com>").code(), "still not authenticated");
            assertEquals(235, ScramClient.authenticate(c::command, AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD).code());
            assertEquals(250, c.command("MAIL FROM:<alice@example.com>").code());
        }
    }
}
