package org.mailroot.auth.scram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mailroot.api.auth.SaslExchange;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.auth.store.Scram;
import org.mailroot.auth.store.ScramCredential;
import org.mailroot.auth.store.UserRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 §3/§5, RFC 7677): client-first ->
 * server-first (nonce, salt, iterations) -> client-final (proof) -> server-final (signature).
 * An unknown user gets a decoy salt derived from the name, so the exchange looks the same and
 * fails only at the proof: the server does not tell which names exist.
 */
public final class ScramServerExchange implements SaslExchange {
    private static final Logger LOG = LoggerFactory.getLogger(ScramServerExchange.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Function<String, Optional<UserRecord>> users;
    private final Supplier<String> serverNonce;
    private final byte[] decoyKey;
    private final String client;
    private ScramMessages.ClientFirst first;
    private String serverFirst;
    private UserRecord user;
    private boolean done;

    /**
     * @param users looks up an account by the name the client gave (default domain applied)
     * @param serverNonce the server's part of the nonce (random in production; fixed in tests)
     * @param decoyKey a per-process secret for decoy salts
     * @param client the client's address, for the log
     */
    public ScramServerExchange(Function<String, Optional<UserRecord>> users,
            Supplier<String> serverNonce, byte[] decoyKey, String client) {
        this.users = users;
        this.serverNonce = serverNonce;
        this.decoyKey = decoyKey.clone();
        this.client = client;
    }

    /** 18 random bytes, base64: printable and without commas (RFC 5802 §5.1 r=). */
    public static String randomNonce() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    @Override
    public SaslStep evaluate(byte[] response) {
        if (done) {
            return SaslStep.failure();
        }
        String message = new String(response, StandardCharsets.UTF_8);
        try {
            return first == null ? clientFirst(message) : clientFinal(message);
        } catch (RuntimeException e) {
            // A malformed message is the client's fault (a missing attribute surfaces as any
            // runtime exception): a failed attempt that counts, not a 454 that does not.
            done = true;
            LOG.info("SCRAM-SHA-256 from {}: bad message ({})", client, e.toString());
            return SaslStep.failure();
        }
    }

    private SaslStep clientFirst(String message) {
        first = ScramMessages.clientFirst(message);
        user = users.apply(first.user()).orElse(null);
        int iterations = user == null ? Scram.DEFAULT_ITERATIONS : user.credential().iterations();
        byte[] salt = user == null
                ? java.util.Arrays.copyOf(Scram.hmac(decoyKey, first.user().getBytes(StandardCharsets.UTF_8)), 16)
                : user.credential().salt();
        serverFirst = "r=" + first.nonce() + serverNonce.get() + ",s="
                + Base64.getEncoder().encodeToString(salt) + ",i=" + iterations;
        return SaslStep.challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep clientFinal(String message) {
        done = true;
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new IllegalArgumentException("no proof");
        }
        String withoutProof = message.substring(0, proofAt);
        Map<String, String> a = ScramMessages.attributes(message);
        String expectedBinding = Base64.getEncoder().encodeToString(
                first.gs2Header().getBytes(StandardCharsets.UTF_8));
        if (!expectedBinding.equals(a.get("c"))) {
            throw new IllegalArgumentException("channel binding mismatch"); // §7 c= is the GS2 header
        }
        if (!serverFirst.startsWith("r=" + a.get("r") + ",")) {
            throw new IllegalArgumentException("nonce mismatch");
        }
        byte[] proof = Base64.getDecoder().decode(a.get("p"));
        if (user == null || proof.length != 32 || !authzOk()) {
            LOG.info("SCRAM-SHA-256 failed for '{}' from {}", first.user(), client);
            return SaslStep.failure();
        }
        ScramCredential c = user.credential();
        byte[] authMessage = (first.bare() + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = Scram.hmac(c.storedKey(), authMessage);
        byte[] clientKey = Scram.xor(proof, clientSignature);
        if (!MessageDigest.isEqual(Scram.hash(clientKey), c.storedKey())) {
            LOG.info("SCRAM-SHA-256 failed for '{}' from {}", first.user(), client);
            return SaslStep.failure();
        }
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(Scram.hmac(c.serverKey(), authMessage));
        return SaslStep.success(user.name(), serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    /** An authzid, when given, must be the user's own identity (no proxy authorization). */
    private boolean authzOk() {
        return first.authzid() == null || users.apply(first.authzid()).map(UserRecord::name)
                .filter(user.name()::equals).isPresent();
    }
}
