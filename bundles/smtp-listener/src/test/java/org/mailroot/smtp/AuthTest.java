package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mailroot.api.Verdict;
import org.mailroot.api.auth.AuthThrottle;
import org.mailroot.api.auth.SaslExchange;
import org.mailroot.api.auth.SaslMechanism;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.api.hook.Authenticator;
import org.mailroot.api.log.MailEvent;
import org.mailroot.smtp.auth.AuthSettings;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.SmtpClient;

/** AUTH (RFC 4954) on the session state machine: mechanisms, replies, throttling, requireAuth. */
class AuthTest {
    private final FakeServer server = FakeServer.acceptingExampleOrg();

    AuthTest() {
        server.authenticators.add(server.hook("pw", 0, null, (Authenticator) (s, c) ->
                c.username().equals("alice") && new String(c.password()).equals("s3cret")
                        ? Verdict.accept() : Verdict.reject()));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private SmtpClient plaintextAllowed() {
        server.authSettings = new AuthSettings(true, false);
        return SmtpClient.ready(server);
    }

    @Test
    void authIsNeitherOfferedNorAcceptedInPlaintextByDefault() {
        SmtpClient c = new SmtpClient(server);
        c.lines();
        c.commands("EHLO client.example.net");
        assertFalse(c.lines().stream().anyMatch(l -> l.contains("AUTH")));
        c.commands("AUTH PLAIN " + b64("\0alice\0s3cret"));
        assertEquals(List.of("538 5.7.11 Encryption required for requested authentication mechanism"), c.replies());
    }

    @Test
    void plainWithInitialResponseAuthenticatesOnce() {
        server.authSettings = new AuthSettings(true, false);
        SmtpClient c = new SmtpClient(server);
        c.lines();
        c.commands("EHLO client.example.net");
        assertTrue(c.lines().contains("250-AUTH PLAIN LOGIN"));
        c.commands("AUTH PLAIN " + b64("\0alice\0s3cret"), "AUTH PLAIN " + b64("\0alice\0s3cret"));
        assertEquals(List.of("235 2.7.0 Authentication successful", "503 5.5.1 Already authenticated"), c.replies());
        c.commands("MAIL FROM:<alice@example.org>");
        c.lines();
        MailEvent last = server.events.get(server.events.size() - 1);
        assertEquals("alice", last.user());
        assertTrue(server.events.stream().noneMatch(e -> e.argument().contains(b64("\0alice\0s3cret"))),
                "the initial response (a password) is never in an event");
    }

    @Test
    void wrongPasswordIs535() {
        SmtpClient c = plaintextAllowed();
        c.commands("AUTH PLAIN " + b64("\0alice\0wrong"));
        assertEquals(List.of("535 5.7.8 Authentication credentials invalid"), c.replies());
    }

    @Test
    void loginAsksUsernameThenPassword() {
        SmtpClient c = plaintextAllowed();
        c.commands("AUTH LOGIN");
        assertEquals(List.of("334 VXNlcm5hbWU6"), c.replies());
        c.commands(b64("alice"));
        assertEquals(List.of("334 UGFzc3dvcmQ6"), c.replies());
        c.commands(b64("s3cret"));
        assertEquals(List.of("235 2.7.0 Authentication successful"), c.replies());
    }

    @Test
    void plainWithoutInitialResponseGetsAnEmptyChallenge() {
        SmtpClient c = plaintextAllowed();
        c.commands("AUTH PLAIN");
        assertEquals(List.of("334 "), c.replies());
        c.commands(b64("\0alice\0s3cret"));
        assertEquals(List.of("235 2.7.0 Authentication successful"), c.replies());
    }

    @Test
    void cancelAndBadBase64Are501AndTheSessionGoesOn() {
        SmtpClient c = plaintextAllowed();
        c.commands("AUTH LOGIN", "*", "AUTH LOGIN", "!!notbase64", "NOOP");
        assertEquals(List.of("334 VXNlcm5hbWU6", "501 5.0.0 Authentication cancelled",
                "334 VXNlcm5hbWU6", "501 5.5.2 Cannot decode response", "250 2.0.0 Ok"), c.replies());
    }

    @Test
    void unknownMechanismIs504AndAuthInATransactionIs503() {
        SmtpClient c = plaintextAllowed();
        c.commands("AUTH GSSAPI", "MAIL FROM:<a@b.example>", "AUTH PLAIN " + b64("\0alice\0s3cret"));
        assertEquals(List.of("504 5.5.4 Unrecognized authentication type", "250 2.1.0 Sender ok",
                "503 5.5.1 Bad sequence of commands"), c.replies());
    }

    @Test
    void throwingOrAbsentAuthenticatorIsTemporary() {
        server.authenticators.clear();
        SmtpClient c = plaintextAllowed();
        c.commands("AUTH PLAIN " + b64("\0alice\0s3cret"));
        assertEquals(List.of("454 4.7.0 Temporary authentication failure"), c.replies());
        server.authenticators.add(server.hook("boom", 0, null, (Authenticator) (s, cr) -> {
            throw new IllegalStateException("directory down");
        }));
        c.commands("AUTH PLAIN " + b64("\0alice\0s3cret"));
        assertEquals(List.of("454 4.7.0 Temporary authentication failure"), c.replies());
    }

    @Test
    void requireAuthRefusesMailUntilAuthenticated() {
        server.authSettings = new AuthSettings(true, true);
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<alice@example.org>", "AUTH PLAIN " + b64("\0alice\0s3cret"),
                "MAIL FROM:<alice@example.org> AUTH=<>");
        assertEquals(List.of("530 5.7.0 Authentication required", "235 2.7.0 Authentication successful",
                "250 2.1.0 Sender ok"), c.replies());
    }

    @Test
    void receivedHeaderNamesEsmtpaAndTheIdentity() {
        SmtpClient c = plaintextAllowed();
        c.commands("AUTH PLAIN " + b64("\0alice\0s3cret"), "MAIL FROM:<alice@example.org>",
                "RCPT TO:<bob@example.org>", "DATA");
        c.send("Subject: x\r\n\r\nhi\r\n.\r\n");
        c.lines();
        String message = server.fakeSpool().last().content();
        assertTrue(message.contains("with ESMTPA"), message);
        assertTrue(message.contains("(authenticated as alice)"), message);
    }

    @Test
    void pluginMechanismSendsChallengesAndSuccessDataAsA334() {
        server.mechanisms.add(server.hook("x", 0, null, new SaslMechanism() {
            @Override
            public String name() {
                return "X-TEST";
            }

            @Override
            public SaslExchange start(org.mailroot.api.SessionInfo s) {
                return response -> new String(response, StandardCharsets.UTF_8).equals("first")
                        ? SaslStep.challenge("more".getBytes(StandardCharsets.UTF_8))
                        : SaslStep.success("carol", "final".getBytes(StandardCharsets.UTF_8));
            }
        }));
        SmtpClient c = SmtpClient.ready(server);
        server.authSettings = new AuthSettings(true, false);
        c.commands("EHLO again.example.net");
        assertTrue(c.lines().contains("250-AUTH X-TEST PLAIN LOGIN"));
        c.commands("AUTH X-TEST " + b64("first"));
        assertEquals(List.of("334 " + b64("more")), c.replies());
        c.commands(b64("second"));
        assertEquals(List.of("334 " + b64("final")), c.replies());
        c.commands("");
        assertEquals(List.of("235 2.7.0 Authentication successful"), c.replies());
    }

    @Test
    void passwordChecksRunOnAWorkerNeverOnTheEventLoopAndPipelinedInputWaits() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "auth-worker"));
        try {
            server.workers = pool;
            List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
            server.authenticators.clear();
            server.authenticators.add(server.hook("slow-hash", 0, null, (Authenticator) (s, cr) -> {
                threads.add(Thread.currentThread().getName());
                return Verdict.accept();
            }));
            SmtpClient c = plaintextAllowed();
            c.commands("AUTH PLAIN " + b64("\0alice\0s3cret"), "MAIL FROM:<alice@example.org>");
            assertEquals(List.of("235 2.7.0 Authentication successful", "250 2.1.0 Sender ok"),
                    Await.replies(c, 2, 5));
            assertEquals(List.of("auth-worker"), threads, "the PBKDF2 check runs on the worker pool");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void throttleDelaysFailuresOnTheEventLoopThenDisconnectsWith421() {
        server.throttles.add(server.hook("t", 0, null, new AuthThrottle() {
            private int failures;

            @Override
            public Penalty admit(org.mailroot.api.SessionInfo s) {
                return Penalty.NONE;
            }

            @Override
            public Penalty failed(org.mailroot.api.SessionInfo s, String user) {
                return new Penalty(Duration.ofSeconds(5), ++failures >= 2);
            }

            @Override
            public void succeeded(org.mailroot.api.SessionInfo s, String identity) {
            }
        }));
        SmtpClient c = plaintextAllowed();
        c.commands("AUTH PLAIN " + b64("\0alice\0bad1"), "NOOP");
        assertEquals(List.of(), c.replies(), "no reply before the delay; input held");
        c.channel.advanceTimeBy(5, TimeUnit.SECONDS);
        c.channel.runScheduledPendingTasks();
        assertEquals(List.of("535 5.7.8 Authentication credentials invalid", "250 2.0.0 Ok"), c.replies());
        c.commands("AUTH PLAIN " + b64("\0alice\0bad2"));
        c.channel.advanceTimeBy(5, TimeUnit.SECONDS);
        c.channel.runScheduledPendingTasks();
        assertEquals(List.of("421 4.7.0 Too many failed authentication attempts, closing connection"), c.replies());
        assertFalse(c.open());
    }
}
