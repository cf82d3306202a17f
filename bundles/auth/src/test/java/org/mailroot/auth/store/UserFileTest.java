package org.mailroot.auth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsCredentialsAndAliasesAndNeverThePassword() throws Exception {
        Path file = dir.resolve("users");
        UserRecord alice = new UserRecord("Alice@Example.com", ScramCredential.create("correct horse".toCharArray(), 4096),
                List.of("sales@example.com", "a.smith@example.com"));
        UserRecord bob = new UserRecord("bob", ScramCredential.create("hunter2".toCharArray(), 5000), List.of());
        UserFile.write(file, List.of(alice, bob));

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(text.contains("correct horse") || text.contains("hunter2"), "no plaintext password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        UserFile.Contents c = UserFile.read(file);
        assertEquals(List.of(), c.problems());
        UserRecord read = c.users().get("alice@example.com");
        assertEquals(alice.credential(), read.credential());
        assertEquals(List.of("sales@example.com", "a.smith@example.com"), read.aliases());
        assertTrue(read.credential().matches("correct horse".toCharArray()));
        assertFalse(read.credential().matches("wrong".toCharArray()));
        assertEquals(5000, c.users().get("bob").credential().iterations());
    }

    @Test
    void badLinesAreReportedAndSkipped() throws Exception {
        Path file = dir.resolve("users");
        UserRecord ok = new UserRecord("ok", ScramCredential.create("pw".toCharArray(), 4096), List.of());
        UserFile.write(file, List.of(ok));
        Files.writeString(file, Files.readString(file) + "broken:line\n# comment\n\n");
        UserFile.Contents c = UserFile.read(file);
        assertEquals(1, c.users().size());
        assertEquals(1, c.problems().size());
        assertEquals(4, c.problems().get(0).line());
    }

    @Test
    void namesWithSeparatorsAndTooFewIterationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> UserRecord.checkName("a:b"));
        assertThrows(IllegalArgumentException.class, () -> UserRecord.checkName("a b"));
        assertThrows(IllegalArgumentException.class, () -> ScramCredential.create("x".toCharArray(), 1000));
    }
}
