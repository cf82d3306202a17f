package org.mailroot.itests.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.mailroot.itests.harness.Smtp;

/**
 * A SCRAM-SHA-256 client written from RFC 5802/7677 (no server code), over any connection that
 * sends a command line and reads the reply (plain {@code Smtp} or {@code TlsSmtp}).
 */
final class ScramClient {
    /** Sends one line, returns the reply. */
    interface Commands {
        Smtp.Reply command(String line) throws IOException;
    }

    private ScramClient() {
    }

    /** The client side of RFC 5802 §3; returns the final reply (235, or the failure). */
    public static Smtp.Reply authenticate(Commands smtp, String user, String password) throws Exception {
        String clientNonce = UUID.randomUUID().toString().replace("-", "");
        String clientFirstBare = "n=" + user + ",r=" + clientNonce;
        Smtp.Reply first = smtp.command("AUTH SCRAM-SHA-256 " + AuthSetup.b64("n,," + clientFirstBare));
        assertEquals(334, first.code(), first.toString());
        String serverFirst = new String(Base64.getDecoder().decode(first.lines().get(0)), StandardCharsets.UTF_8);
        String nonce = attr(serverFirst, "r");
        assertTrue(nonce.startsWith(clientNonce), "RFC 5802 §5.1: the server extends our nonce");
        byte[] salt = Base64.getDecoder().decode(attr(serverFirst, "s"));
        int iterations = Integer.parseInt(attr(serverFirst, "i"));
        assertTrue(iterations >= 4096, "RFC 7677 §4: at least 4096 iterations");

        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        String clientFinalWithoutProof = "c=biws,r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + clientFinalWithoutProof;
        byte[] signature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        Smtp.Reply second = smtp.command(AuthSetup.b64(clientFinalWithoutProof + ",p="
                + Base64.getEncoder().encodeToString(proof)));
        if (second.code() != 334) {
            return second;
        }
        String serverFinal = new String(Base64.getDecoder().decode(second.lines().get(0)), StandardCharsets.UTF_8);
        byte[] serverKey = hmac(salted, "Server Key");
        assertEquals("v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage)), serverFinal,
                "RFC 5802 §3: the server signature proves the server knows ServerKey");
        return smtp.command(""); // RFC 4954 §4: an empty response to the success data
    }

    private static String attr(String message, String name) {
        for (String part : message.split(",")) {
            if (part.startsWith(name + "=")) {
                return part.substring(2);
            }
        }
        throw new AssertionError("no " + name + "= in " + message);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        return hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }
}
