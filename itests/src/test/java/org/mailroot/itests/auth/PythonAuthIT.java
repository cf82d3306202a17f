package org.mailroot.itests.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.ServerExtension;

/** Python's smtplib as an independent AUTH client: PLAIN (initial response) and LOGIN (challenges). */
class PythonAuthIT {
    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance -> {
        AuthSetup.plaintextSubmission(instance, "failureDelayMillis=0");
        AuthSetup.addUser(instance, AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD);
    });

    @Test
    void plainAndLoginWithTheRightPasswordSend() throws Exception {
        for (String mechanism : List.of("PLAIN", "LOGIN")) {
            String subject = "py-" + mechanism + "-" + UUID.randomUUID();
            List<String> out = python(mechanism, AuthSetup.ALICE_PASSWORD, subject);
            assertTrue(out.contains("AUTH=235"), mechanism + ": " + out);
            assertTrue(out.contains("RESULT=ok"), mechanism + ": " + out);
            MailFile mail = server.instance().dropFolder().awaitWith("Subject", subject, Duration.ofSeconds(20));
            assertEquals(List.of("user@example.com"), mail.receivers());
        }
    }

    @Test
    void wrongPasswordIs535ForBothMechanisms() throws Exception {
        for (String mechanism : List.of("PLAIN", "LOGIN")) {
            List<String> out = python(mechanism, "not the password", "never");
            assertTrue(out.contains("AUTH=535"), mechanism + ": " + out);
        }
    }

    private List<String> python(String mechanism, String password, String subject) throws Exception {
        Path script = Paths.get(System.getProperty("mailroot.itests.python", "src/test/python")).resolve("auth_smtplib.py");
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString(), "127.0.0.1",
                    Integer.toString(server.instance().submissionPort()), mechanism, AuthSetup.ALICE, subject)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("python3 is required by PythonAuthIT: " + e.getMessage(), e);
        }
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("smtplib did not finish within 60 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "auth_smtplib.py failed:\n" + out);
        return out.lines().toList();
    }
}
