package org.mailroot.auth.store;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One account's SCRAM-SHA-256 credential (RFC 5802 §3, "server stores"): salt, iteration count,
 * StoredKey = H(ClientKey) and ServerKey. The password itself is never kept, and neither is the
 * SaltedPassword: PLAIN/LOGIN are checked by recomputing StoredKey, SCRAM by the proof.
 */
public record ScramCredential(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public ScramCredential {
        Objects.requireNonNull(salt, "salt");
        if (iterations < Scram.MIN_ITERATIONS) {
            throw new IllegalArgumentException("iterations below " + Scram.MIN_ITERATIONS + ": " + iterations);
        }
        if (storedKey.length != 32 || serverKey.length != 32) {
            throw new IllegalArgumentException("SHA-256 keys are 32 bytes");
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    /** A new credential with a random 16-byte salt. */
    public static ScramCredential create(char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return derive(password, salt, iterations);
    }

    /** RFC 5802 §3: ClientKey, StoredKey, ServerKey from the SaltedPassword. */
    public static ScramCredential derive(char[] password, byte[] salt, int iterations) {
        byte[] salted = Scram.saltedPassword(password, salt, iterations);
        try {
            byte[] clientKey = Scram.hmac(salted, Scram.ascii("Client Key"));
            return new ScramCredential(salt, iterations, Scram.hash(clientKey),
                    Scram.hmac(salted, Scram.ascii("Server Key")));
        } finally {
            Arrays.fill(salted, (byte) 0);
        }
    }

    /** Whether {@code password} is this credential's (constant-time comparison). Slow: PBKDF2. */
    public boolean matches(char[] password) {
        ScramCredential other = derive(password, salt, iterations);
        return MessageDigest.isEqual(storedKey, other.storedKey);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    /** The file form {@code SCRAM-SHA-256:i:salt:StoredKey:ServerKey} (base64 fields). */
    public String encode() {
        Base64.Encoder b = Base64.getEncoder();
        return Scram.MECHANISM + ":" + iterations + ":" + b.encodeToString(salt) + ":"
                + b.encodeToString(storedKey) + ":" + b.encodeToString(serverKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramCredential c && iterations == c.iterations
                && Arrays.equals(salt, c.salt) && Arrays.equals(storedKey, c.storedKey)
                && Arrays.equals(serverKey, c.serverKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(storedKey);
    }

    @Override
    public String toString() {
        return "ScramCredential[" + Scram.MECHANISM + ", i=" + iterations + "]";
    }
}
