package org.mailroot.smtp.auth;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.Verdict;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.api.hook.Credentials;
import org.mailroot.smtp.session.SessionContext;

/** SASL PLAIN (RFC 4616): one message {@code [authzid] NUL authcid NUL passwd}, UTF-8. */
final class PlainExchange implements Exchange {
    /** RFC 4954 §4: a malformed response is a syntax error, 501 (RFC 3463 X.5.2). */
    static final Verdict MALFORMED = Verdict.reject(501, "5.5.2", "Invalid PLAIN message");

    private String user = "";

    @Override
    public byte[] firstChallenge() {
        return new byte[0]; // RFC 4954 §4: an empty challenge asks for the initial response
    }

    @Override
    public boolean serverFirst() {
        return false;
    }

    @Override
    public CompletionStage<SaslStep> evaluate(SessionContext context, byte[] response) {
        Credentials c = decode(response);
        if (c == null) {
            return CompletableFuture.completedFuture(SaslStep.failure(MALFORMED));
        }
        user = c.username();
        return PasswordCheck.run(context, c);
    }

    @Override
    public String user() {
        return user;
    }

    /** The credentials, or null when the message is not [authzid] NUL authcid NUL passwd. */
    static Credentials decode(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        int first = text.indexOf('\0');
        int second = first < 0 ? -1 : text.indexOf('\0', first + 1);
        if (first < 0 || second < 0 || text.indexOf('\0', second + 1) >= 0) {
            return null;
        }
        String authzid = text.substring(0, first);
        String authcid = text.substring(first + 1, second);
        String password = text.substring(second + 1);
        if (authcid.isEmpty() || password.isEmpty()) {
            return null; // RFC 4616 §2: authcid and passwd are 1*SAFE
        }
        return new Credentials(Mechanisms.PLAIN,
                authzid.isEmpty() ? Optional.empty() : Optional.of(authzid), authcid,
                password.toCharArray());
    }
}
