package org.mailroot.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {
    @TempDir
    Path dir;

    @Test
    void createdOnceOwnerOnlyWithAtLeast128Bits() throws Exception {
        Path file = dir.resolve("data/admin.token");
        AdminToken first = AdminToken.loadOrCreate(file);
        String value = Files.readString(file).strip();
        assertTrue(value.length() >= 22, "at least 128 bits in base64: " + value.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        AdminToken again = AdminToken.loadOrCreate(file);
        assertEquals(value, Files.readString(file).strip(), "kept across starts");
        assertTrue(first.accepts("Bearer " + value));
        assertTrue(again.accepts("bearer " + value));
    }

    @Test
    void refusesMissingWrongAndPartialTokens() throws Exception {
        Path file = dir.resolve("admin.token");
        AdminToken token = AdminToken.loadOrCreate(file);
        String value = Files.readString(file).strip();
        assertFalse(token.accepts(null));
        assertFalse(token.accepts(value), "without the Bearer scheme");
        assertFalse(token.accepts("Bearer "));
        assertFalse(token.accepts("Bearer " + value.substring(0, value.length() - 1)));
        assertFalse(token.accepts("Bearer " + value + "x"));
        assertFalse(token.accepts("Basic " + value));
    }

    @Test
    void wideModeIsRepairedAndShortTokenRefused() throws Exception {
        Path file = dir.resolve("admin.token");
        Files.writeString(file, "0123456789abcdefghijklmnop\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        AdminToken.loadOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.writeString(file, "short\n");
        try {
            AdminToken.loadOrCreate(file);
            throw new AssertionError("a short token must be refused");
        } catch (java.io.IOException e) {
            assertTrue(e.getMessage().contains("no usable token"), e.getMessage());
        }
    }
}
