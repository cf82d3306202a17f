package org.mailroot.auth.cram;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.mailroot.api.auth.SaslExchange;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.auth.store.CramMd5Key;
import org.mailroot.auth.store.UserRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CRAM-MD5 exchange (RFC 2195 §2): the server sends a unique challenge, the client answers
 * {@code user SP hex(HMAC-MD5(password, challenge))}. One response only; anything else fails.
 * An unknown user, or one without a stored CRAM-MD5 secret, is checked against a decoy key so the
 * answer takes the same time and says the same (535) as a wrong password.
 */
final class CramMd5Exchange implements SaslExchange {
    private static final Logger LOG = LoggerFactory.getLogger(CramMd5Exchange.class);

    private final Function<String, Optional<UserRecord>> users;
    private final byte[] challenge;
    private final CramMd5Key decoy;
    private boolean answered;

    CramMd5Exchange(Function<String, Optional<UserRecord>> users, byte[] challenge, CramMd5Key decoy) {
        this.users = users;
        this.challenge = challenge.clone();
        this.decoy = decoy;
    }

    /** Server-first: the listener sends this as the first 334 (RFC 4954 §4). */
    @Override
    public Optional<byte[]> initialChallenge() {
        return Optional.of(challenge.clone());
    }

    @Override
    public SaslStep evaluate(byte[] response) {
        if (answered) {
            return SaslStep.failure(); // RFC 2195 §2: a single response
        }
        answered = true;
        String text = new String(response, StandardCharsets.UTF_8);
        int space = text.lastIndexOf(' ');
        if (space <= 0) {
            return SaslStep.failure(); // RFC 4954 §6: 535, nothing to tell apart from a bad digest
        }
        String user = text.substring(0, space);
        // RFC 2195 §2: the digest is lower-case hex; upper case is accepted, as other servers do
        String digest = text.substring(space + 1).toLowerCase(Locale.ROOT);
        Optional<UserRecord> account = users.apply(user);
        Optional<CramMd5Key> key = account.flatMap(UserRecord::cram);
        boolean match = key.orElse(decoy).verifies(challenge, digest);
        if (match && key.isPresent()) {
            return SaslStep.success(account.get().name());
        }
        if (account.isPresent() && key.isEmpty()) {
            LOG.info("CRAM-MD5 for {}: the account has no CRAM-MD5 secret (set its password again with"
                    + " 'bin/mailroot user passwd --cram-md5')", account.get().name());
        }
        return SaslStep.failure();
    }
}
