package org.mailroot.itests.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.Distribution;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;

/**
 * The real {@code bin/mailroot user} of the assembled distribution against a running server's
 * instance: add with --password-stdin, refusal of a password argument, passwd, list, remove, and
 * the running server following each change without restart.
 */
class UserCliIT {
    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance ->
            AuthSetup.plaintextSubmission(instance, "failureDelayMillis=0", "maxFailures=1000"));

    private record Result(int exit, String out) {
    }

    private Result cli(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Distribution.home().resolve("bin/mailroot").toString(), "user"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("MAILROOT_BASE", server.instance().base().toString());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bin/mailroot user finished");
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private int auth(String user, String password) {
        try (Smtp smtp = Smtp.open(server.instance().submissionPort())) {
            smtp.ehlo();
            return smtp.command("AUTH PLAIN " + AuthSetup.plain(user, password)).code();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private void awaitAuth(String what, String user, String password, int code) {
        Await.until(Duration.ofSeconds(10), what, (BooleanSupplier) () -> auth(user, password) == code);
    }

    @Test
    void addPasswdListRemoveFollowedLiveByTheServer() throws Exception {
        Result refused = cli("", "add", "carol@example.com", "s3cret-on-the-command-line");
        assertEquals(2, refused.exit(), refused.out());
        assertTrue(refused.out().contains("never"), refused.out());
        Result refused2 = cli("", "add", "--password=s3cret", "carol@example.com");
        assertEquals(2, refused2.exit(), refused2.out());

        Result add = cli("first password\n", "add", "--password-stdin", "--iterations", "4096", "carol@example.com");
        assertEquals(0, add.exit(), add.out());
        Path users = server.instance().base().resolve("etc/users");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
        assertFalse(Files.readString(users).contains("first password"), "never the password in the file");
        awaitAuth("the server knows carol", "carol@example.com", "first password", 235);

        Result passwd = cli("second password\n", "passwd", "--password-stdin", "--iterations", "4096", "carol@example.com");
        assertEquals(0, passwd.exit(), passwd.out());
        awaitAuth("the new password works", "carol@example.com", "second password", 235);
        assertEquals(535, auth("carol@example.com", "first password"), "the old one does not");

        Result list = cli("", "list");
        assertEquals(0, list.exit());
        assertTrue(list.out().contains("carol@example.com"), list.out());

        Result remove = cli("", "remove", "carol@example.com");
        assertEquals(0, remove.exit(), remove.out());
        awaitAuth("carol is gone", "carol@example.com", "second password", 535);

        Result help = cli("", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--password-stdin"), help.out());
    }
}
