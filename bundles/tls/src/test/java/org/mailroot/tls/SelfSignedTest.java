package org.mailroot.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated fallback certificate: its names, its owner-only key, kept across restarts. */
class SelfSignedTest {
    @TempDir
    Path dir;

    @Test
    void generatedOnceForTheNameThenKept() throws Exception {
        Instant now = Instant.now();
        SelfSigned.Result first = SelfSigned.obtain(dir, "mx.example.org", now);
        assertTrue(first.generated());
        assertEquals(List.of("mx.example.org"), first.entry().names(), "the FQDN is in subjectAltName");
        assertEquals("RSA", first.entry().keyType());
        assertTrue(first.entry().notAfter().isAfter(now.plus(Duration.ofDays(365))));
        first.entry().leaf().verify(first.entry().leaf().getPublicKey()); // self-signed

        Path key = dir.resolve(SelfSigned.KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)),
                "only the server's user may read the key");
        assertTrue(Files.readString(dir.resolve(SelfSigned.CERT_FILE)).startsWith("-----BEGIN CERTIFICATE-----"));

        SelfSigned.Result again = SelfSigned.obtain(dir, "mx.example.org", now);
        assertFalse(again.generated(), "a restart reuses the kept certificate");
        assertEquals(first.entry().leaf(), again.entry().leaf());
    }

    @Test
    void madeAgainForAnotherNameOrNearExpiry() throws Exception {
        Instant now = Instant.now();
        SelfSigned.Result first = SelfSigned.obtain(dir, "mx.example.org", now);
        SelfSigned.Result renamed = SelfSigned.obtain(dir, "mail.example.org", now);
        assertTrue(renamed.generated());
        assertNotEquals(first.entry().leaf(), renamed.entry().leaf());
        assertEquals(List.of("mail.example.org"), renamed.entry().names());

        Instant late = renamed.entry().notAfter().minus(Duration.ofDays(10));
        assertTrue(SelfSigned.obtain(dir, "mail.example.org", late).generated(), "renewed 30 days before expiry");
    }

    @Test
    void damagedFilesAreReplaced() throws Exception {
        Files.writeString(dir.resolve(SelfSigned.CERT_FILE), "not a certificate");
        Files.writeString(dir.resolve(SelfSigned.KEY_FILE), "not a key");
        SelfSigned.Result r = SelfSigned.obtain(dir, "mx.example.org", Instant.now());
        assertTrue(r.generated());
        assertEquals(r.entry().leaf(), PemReader.entry("x", dir.resolve(SelfSigned.CERT_FILE), dir.resolve(SelfSigned.KEY_FILE)).leaf());
    }
}
