package org.mailroot.auth.scram;

import java.security.SecureRandom;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.auth.SaslExchange;
import org.mailroot.api.auth.SaslMechanism;
import org.mailroot.api.hook.NonBlocking;
import org.mailroot.auth.UserDirectory;
import org.mailroot.auth.store.Scram;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * SCRAM-SHA-256 (RFC 7677) over the user file. Only HMACs on the server (the client does the
 * PBKDF2) and in-memory lookups, so each step takes microseconds: declared {@link NonBlocking}, the
 * listener runs it on the network thread and saves two thread switches per step. Channel binding
 * (-PLUS) is not offered.
 */
@Component(service = SaslMechanism.class, property = "service.ranking:Integer=-100")
@NonBlocking
public final class ScramMechanism implements SaslMechanism {
    /** Keys the decoy salts of unknown users; new per start, which is enough to hide names. */
    private final byte[] decoyKey = new byte[32];

    @Reference
    private UserDirectory directory;

    public ScramMechanism() {
        new SecureRandom().nextBytes(decoyKey);
    }

    @Override
    public String name() {
        return Scram.MECHANISM;
    }

    @Override
    public SaslExchange start(SessionInfo session) {
        UserDirectory d = directory;
        return new ScramServerExchange(name -> d.users().find(name), ScramServerExchange::randomNonce,
                decoyKey, session.remoteAddress().getHostString());
    }
}
