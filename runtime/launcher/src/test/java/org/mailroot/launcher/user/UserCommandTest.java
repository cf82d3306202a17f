package org.mailroot.launcher.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.auth.store.UserFile;

class UserCommandTest {
    @TempDir
    Path base;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        Path file = UsersFileLocation.of(base);
        return new UserCommand(file, UsersFileLocation.cramMd5(base), new PasswordSource(null,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    @Test
    void addPasswdAliasesListRemove() throws Exception {
        assertEquals(0, run("s3cret\n", "add", "--password-stdin", "--iterations", "4096", "--alias", "sales@example.com", "Alice@example.com"));
        Path file = base.resolve("etc/users");
        assertTrue(UserFile.read(file).users().get("alice@example.com").credential().matches("s3cret".toCharArray()));
        assertFalse(Files.readString(file).contains("s3cret"));

        assertEquals(1, run("x\n", "add", "--password-stdin", "alice@example.com"), "exists already");
        assertEquals(0, run("n3w\n", "passwd", "--password-stdin", "--iterations", "4096", "alice@example.com"));
        assertTrue(UserFile.read(file).users().get("alice@example.com").credential().matches("n3w".toCharArray()));
        assertEquals(0, run("", "aliases", "alice@example.com", "a@example.com,b@example.com"));
        assertEquals(List.of("a@example.com", "b@example.com"), UserFile.read(file).users().get("alice@example.com").aliases());

        out.reset();
        assertEquals(0, run("", "list"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("alice@example.com  aliases: a@example.com, b@example.com"));
        assertEquals(0, run("", "remove", "alice@example.com"));
        assertEquals(1, run("", "remove", "alice@example.com"));
        assertTrue(UserFile.read(file).users().isEmpty());
    }

    @Test
    void cramMd5SecretOnlyWhenAskedForOrConfiguredAndDroppedOtherwise() throws Exception {
        Path file = base.resolve("etc/users");
        assertEquals(0, run("pw\n", "add", "--password-stdin", "--iterations", "4096", "plain@example.com"));
        assertTrue(UserFile.read(file).users().get("plain@example.com").cram().isEmpty(), "off by default");
        assertEquals(0, run("tanstaaftanstaaf\n", "passwd", "--password-stdin", "--iterations", "4096", "--cram-md5",
                "plain@example.com"));
        byte[] challenge = "<1896.697170952@postoffice.reston.mci.net>".getBytes(StandardCharsets.US_ASCII);
        assertTrue(UserFile.read(file).users().get("plain@example.com").cram().orElseThrow()
                .verifies(challenge, "b913a602c7eda7a495b4e6e7334d3890"), "RFC 2195 example digest");
        assertFalse(Files.readString(file).contains("tanstaaf"));
        assertEquals(0, run("other\n", "passwd", "--password-stdin", "--iterations", "4096", "plain@example.com"));
        assertTrue(UserFile.read(file).users().get("plain@example.com").cram().isEmpty(), "a stale secret is dropped");

        Files.writeString(base.resolve("etc/org.mailroot.auth.cfg"), "cramMd5=true\n");
        assertEquals(0, run("pw\n", "add", "--password-stdin", "--iterations", "4096", "cram@example.com"));
        assertTrue(UserFile.read(file).users().get("cram@example.com").cram().isPresent(), "cramMd5=true: stored");
        assertEquals(2, run("", "remove", "--cram-md5", "cram@example.com"), "only with add and passwd");
    }

    @Test
    void passwordAsArgumentIsRefusedAndNothingIsWritten() {
        assertEquals(2, run("", "add", "--password", "s3cret", "bob"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("never taken as an argument"));
        assertEquals(2, run("", "add", "bob", "s3cret"), "a second positional argument may be a password");
        assertFalse(Files.exists(base.resolve("etc/users")));
    }

    @Test
    void noTerminalWithoutPasswordStdinFailsClearly() {
        assertEquals(1, run("", "add", "bob"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--password-stdin"));
    }

    @Test
    void usersFileComesFromTheAuthConfiguration() throws Exception {
        Files.createDirectories(base.resolve("etc"));
        Files.writeString(base.resolve("etc/org.mailroot.auth.cfg"), "usersFile=etc/accounts\n");
        assertEquals(base.resolve("etc/accounts"), UsersFileLocation.of(base));
    }

    @Test
    void helpNamesEveryAction() {
        assertEquals(0, run("", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String action : List.of("add", "passwd", "remove", "list", "--password-stdin")) {
            assertTrue(help.contains(action), action);
        }
    }
}
