package org.mailroot.auth.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored CRAM-MD5 secret computes RFC 2104 HMAC-MD5 without the password. */
class CramMd5KeyTest {
    private static final byte[] RFC2195_CHALLENGE =
            "<1896.697170952@postoffice.reston.mci.net>".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void rfc2195ExampleDigest() {
        CramMd5Key key = CramMd5Key.of("tanstaaftanstaaf".toCharArray());
        assertEquals("b913a602c7eda7a495b4e6e7334d3890", HexFormat.of().formatHex(key.digest(RFC2195_CHALLENGE)));
        assertTrue(key.verifies(RFC2195_CHALLENGE, "b913a602c7eda7a495b4e6e7334d3890"));
        assertFalse(key.verifies(RFC2195_CHALLENGE, "b913a602c7eda7a495b4e6e7334d3891"));
    }

    @Test
    void sameAsTheJdksHmacMd5ForShortLongAndMultiBlockInputs() throws Exception {
        Random random = new Random(42);
        for (int length : new int[] {1, 55, 56, 63, 64, 65, 100, 200}) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < length; i++) {
                password.append((char) (i % 7 == 0 ? '\u00e9' : 'a' + random.nextInt(26)));
            }
            byte[] message = new byte[random.nextInt(300)];
            random.nextBytes(message);
            Mac mac = Mac.getInstance("HmacMD5");
            byte[] keyBytes = password.toString().getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(keyBytes, "HmacMD5"));
            assertArrayEquals(mac.doFinal(message), CramMd5Key.of(password.toString().toCharArray()).digest(message),
                    "password of " + length + " chars, message of " + message.length + " bytes");
        }
    }

    @Test
    void fileFormIsDovecotsAndRoundTripsThroughTheUserFile() throws Exception {
        CramMd5Key key = CramMd5Key.of("tanstaaftanstaaf".toCharArray());
        String encoded = key.encode();
        assertTrue(encoded.matches("\\{CRAM-MD5\\}[0-9a-f]{64}"), encoded);
        assertEquals(key, CramMd5Key.decode(encoded));
        assertThrows(IllegalArgumentException.class, () -> CramMd5Key.decode("{CRAM-MD5}abc"));

        Path file = dir.resolve("users");
        ScramCredential scram = ScramCredential.create("tanstaaftanstaaf".toCharArray(), 4096);
        UserRecord tim = new UserRecord("tim", scram, List.of(), key);
        UserRecord timWithAlias = new UserRecord("tim2", scram, List.of("t@example.com"), key);
        UserRecord plain = new UserRecord("bob", scram, List.of("b@example.com"));
        UserFile.write(file, List.of(tim, timWithAlias, plain));
        String text = Files.readString(file);
        assertFalse(text.contains("tanstaaf"), "never the password");
        UserFile.Contents c = UserFile.read(file);
        assertEquals(List.of(), c.problems());
        assertEquals(key, c.users().get("tim").cram().orElseThrow());
        assertEquals(List.of(), c.users().get("tim").aliases());
        assertEquals(List.of("t@example.com"), c.users().get("tim2").aliases());
        assertTrue(c.users().get("tim2").cram().isPresent());
        assertTrue(c.users().get("bob").cram().isEmpty(), "no secret unless asked for");
        assertTrue(c.users().get("tim").withCredential(scram).cram().isEmpty(), "a new password drops the old secret");
    }
}
