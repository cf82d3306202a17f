package org.mailroot.itests.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;
import org.mailroot.itests.harness.TlsReady;
import org.mailroot.itests.harness.TlsSmtp;

/**
 * CRAM-MD5 (RFC 2195), opt-in with {@code cramMd5=true}: alice is added by the real
 * {@code bin/mailroot user add} while the option is on (so her CRAM-MD5 secret is stored), bob by
 * the in-process command without it. Offered over TLS only; Angus Mail, Python's smtplib and a raw
 * client computing HMAC-MD5 with the JDK log in; switching the option off withdraws it live.
 */
class CramMd5AuthIT {
    private static final String BOB = "bob@example.com";

    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance -> {
        AuthSetup.tlsSubmission(instance, "failureDelayMillis=0", "maxFailures=1000", "cramMd5=true");
        String out = AuthSetup.cliAddUser(instance, AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD);
        assertTrue(out.contains("CRAM-MD5"), "the CLI says it stored a CRAM-MD5 secret: " + out);
        AuthSetup.addUser(instance, BOB, "bobs password");
    });

    @BeforeEach
    void tlsUp() {
        TlsReady.await(server.get());
    }

    /** The RFC 2195 client side, with the JDK's HmacMD5 (no server code). */
    private static Smtp.Reply cram(TlsSmtp c, String user, String password) throws Exception {
        Smtp.Reply challenge = c.command("AUTH CRAM-MD5");
        assertEquals(334, challenge.code(), challenge.toString());
        byte[] nonce = Base64.getDecoder().decode(challenge.lines().get(0));
        assertTrue(new String(nonce, StandardCharsets.US_ASCII).matches("<[^@<>]+@mx\\.itest\\.example>"),
                "RFC 2195 §2: a msg-id like challenge " + new String(nonce, StandardCharsets.US_ASCII));
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
        String answer = user + " " + HexFormat.of().formatHex(mac.doFinal(nonce));
        return c.command(Base64.getEncoder().encodeToString(answer.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void offeredOnlyOverTlsAndWithdrawnLiveWhenSwitchedOff() throws Exception {
        try (Smtp mx = Smtp.open(server.port())) {
            assertFalse(mx.ehlo().text().contains("CRAM-MD5"), "never in plaintext without allowPlaintextAuth");
        }
        Smtp.Reply[] ehlo = new Smtp.Reply[1];
        try (TlsSmtp c = TlsClients.startTls(server.instance(), ehlo)) {
            assertTrue(ehlo[0].lines().stream().anyMatch(l -> l.startsWith("AUTH ") && l.contains("CRAM-MD5")), ehlo[0].toString());
            assertEquals(535, cram(c, AuthSetup.ALICE, "wrong").code(), "RFC 4954 §6");
            assertEquals(535, cram(c, BOB, "bobs password").code(), "no CRAM-MD5 secret stored for bob");
            assertEquals(235, cram(c, AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD).code());
            assertEquals(250, c.command("MAIL FROM:<alice@example.com>").code());
        }

        server.instance().write("org.mailroot.auth.cfg", Map.of("usersFile", "etc/users", "failureDelayMillis", "0",
                "maxFailures", "1000", "cramMd5", "false"));
        Await.until(Duration.ofSeconds(10), "CRAM-MD5 withdrawn", (BooleanSupplier) () -> {
            Smtp.Reply[] now = new Smtp.Reply[1];
            try (TlsSmtp c = TlsClients.startTls(server.instance(), now)) {
                return !now[0].text().contains("CRAM-MD5") && c.command("AUTH CRAM-MD5").code() == 504;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void angusMailCramMd5OverStartTls() throws Exception {
        String subject = "angus-cram-" + UUID.randomUUID();
        TlsClients.angusSend(server.instance(), false, "CRAM-MD5", AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD,
                AuthSetup.ALICE, subject);
        MailFile mail = server.instance().dropFolder().awaitWith("Subject", subject, Duration.ofSeconds(20));
        assertTrue(Files.readString(mail.path()).contains("(authenticated as alice@example.com)"));
        // the JDK SASL path reports no server reply text, only the failure
        assertThrows(AuthenticationFailedException.class,
                () -> TlsClients.angusSend(server.instance(), false, "CRAM-MD5", AuthSetup.ALICE, "wrong",
                        AuthSetup.ALICE, "never"));
    }

    @Test
    void smtplibCramMd5OverImplicitTls() throws Exception {
        String subject = "smtplib-cram-" + UUID.randomUUID();
        List<String> out = TlsClients.smtplib(server.instance(), "implicit", "CRAM-MD5", AuthSetup.ALICE,
                AuthSetup.ALICE_PASSWORD, subject);
        String all = String.join("\n", out);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("AUTH_AFTER=") && l.contains("CRAM-MD5")), all);
        assertTrue(out.contains("AUTH=235"), all);
        assertTrue(out.contains("RESULT=ok"), all);
        server.instance().dropFolder().awaitWith("Subject", subject, Duration.ofSeconds(20));
        List<String> wrong = TlsClients.smtplib(server.instance(), "implicit", "CRAM-MD5", AuthSetup.ALICE, "wrong", "never");
        assertTrue(wrong.stream().anyMatch(l -> l.startsWith("AUTH=535")), String.join("\n", wrong));
    }
}
