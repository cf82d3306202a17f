package org.mailroot.auth.cram;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.auth.SaslExchange;
import org.mailroot.api.auth.SaslMechanism;
import org.mailroot.auth.UserDirectory;
import org.mailroot.auth.store.CramMd5Key;

/**
 * CRAM-MD5 (RFC 2195) over the CRAM-MD5 secrets of the user file. Two MD5 blocks and an
 * in-memory lookup per exchange: registered as non-blocking by {@link CramMd5Switch}, which also
 * decides whether it is offered at all ({@code cramMd5}, off by default).
 */
final class CramMd5Mechanism implements SaslMechanism {
    private final UserDirectory directory;
    private final SecureRandom random = new SecureRandom();
    /** Checked when the user is unknown or has no secret; random per start. */
    private final CramMd5Key decoy;

    CramMd5Mechanism(UserDirectory directory) {
        this.directory = directory;
        char[] secret = new char[24];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (char) ('!' + random.nextInt(90));
        }
        this.decoy = CramMd5Key.of(secret);
    }

    @Override
    public String name() {
        return CramMd5Key.MECHANISM;
    }

    @Override
    public SaslExchange start(SessionInfo session) {
        UserDirectory d = directory;
        return new CramMd5Exchange(name -> d.users().find(name), challenge(session.serverName()), decoy);
    }

    /**
     * RFC 2195 §2: a msg-id style challenge, unique per exchange. Its random part makes it
     * unpredictable, so a digest seen once cannot be replayed.
     */
    byte[] challenge(String serverName) {
        long unique = random.nextLong() >>> 1;
        String c = "<" + unique + "." + System.currentTimeMillis() + "@" + serverName + ">";
        return c.getBytes(StandardCharsets.US_ASCII);
    }
}
