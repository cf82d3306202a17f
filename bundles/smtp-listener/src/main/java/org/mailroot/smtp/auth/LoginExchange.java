package org.mailroot.smtp.auth;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.api.hook.Credentials;
import org.mailroot.smtp.session.SessionContext;

/**
 * SASL LOGIN (draft-murchison-sasl-login; what IIS calls basic authentication): the server asks
 * "Username:" then "Password:", each answered in base64. A client may send the user name as the
 * initial response (as Outlook does), then only "Password:" is asked.
 */
final class LoginExchange implements Exchange {
    static final byte[] USERNAME = "Username:".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PASSWORD = "Password:".getBytes(StandardCharsets.US_ASCII);

    private String user;

    @Override
    public byte[] firstChallenge() {
        return USERNAME.clone();
    }

    @Override
    public boolean serverFirst() {
        return false;
    }

    @Override
    public CompletionStage<SaslStep> evaluate(SessionContext context, byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        if (user == null) {
            if (text.isEmpty() || text.indexOf('\0') >= 0) {
                return CompletableFuture.completedFuture(SaslStep.failure(PlainExchange.MALFORMED));
            }
            user = text;
            return CompletableFuture.completedFuture(SaslStep.challenge(PASSWORD));
        }
        if (text.isEmpty()) {
            return CompletableFuture.completedFuture(SaslStep.failure());
        }
        return PasswordCheck.run(context,
                new Credentials(Mechanisms.LOGIN, Optional.empty(), user, text.toCharArray()));
    }

    @Override
    public String user() {
        return user == null ? "" : user;
    }
}
