package org.mailroot.smtp.auth;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.Verdict;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.api.hook.Authenticator;
import org.mailroot.api.hook.Credentials;
import org.mailroot.smtp.hook.HookChains;
import org.mailroot.smtp.hook.HookRef;
import org.mailroot.smtp.session.SessionContext;
import org.mailroot.smtp.session.SmtpSession;

/**
 * Checks PLAIN/LOGIN credentials with the {@link Authenticator} chain (design §3). Hashing is slow
 * by design, so the chain runs on a worker (unless every authenticator is @NonBlocking) and the
 * result hops back to the event loop. Accept authenticates; reject or all-decline fails (535);
 * defer, a throwing hook, a timeout or no authenticator at all is temporary (454, never 5xx).
 */
final class PasswordCheck {
    /** RFC 4954 §6: 454 4.7.0, what a failing or absent authenticator becomes. */
    static final Verdict TEMPORARY = Verdict.defer(454, "4.7.0", "Temporary authentication failure");

    private PasswordCheck() {
    }

    static CompletionStage<SaslStep> run(SessionContext context, Credentials credentials) {
        List<HookRef<Authenticator>> chain = context.hooks().authenticators();
        SmtpSession session = context.session();
        if (chain.isEmpty()) {
            clear(credentials);
            return CompletableFuture.completedFuture(SaslStep.failure(TEMPORARY));
        }
        session.attributes().remove(SaslStep.IDENTITY_ATTRIBUTE);
        return context.runHooks("AUTH", HookRef.allNonBlocking(chain), p -> {
            try {
                return HookChains.verdict(chain, p, session, "AUTH",
                        a -> a.authenticate(session, credentials));
            } finally {
                clear(credentials); // the password lives no longer than the chain
            }
        }, HookChains.FAILED).thenApply(v -> step(v, session, credentials.username()));
    }

    private static SaslStep step(Verdict v, SmtpSession session, String username) {
        Object named = session.attributes().remove(SaslStep.IDENTITY_ATTRIBUTE);
        return switch (v.kind()) {
            case ACCEPT -> SaslStep.success(named instanceof String s && !s.isBlank() ? s : username);
            case DECLINE -> SaslStep.failure();
            // a hook's own 4xx is kept, but the generic hook failure (451 4.3.0) becomes 454 4.7.0
            case DEFER -> SaslStep.failure(v == HookChains.FAILED || v.code().isEmpty() ? TEMPORARY : v);
            case REJECT -> SaslStep.failure(v);
        };
    }

    private static void clear(Credentials credentials) {
        Arrays.fill(credentials.password(), '\0');
    }
}
