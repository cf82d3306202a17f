package org.mailroot.smtp.auth;

import java.util.concurrent.CompletionStage;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.smtp.session.SessionContext;

/**
 * One AUTH exchange as the listener drives it: the built-in PLAIN and LOGIN, or an adapter around
 * a {@link org.mailroot.api.auth.SaslExchange} service. Called on the event loop; anything slow
 * (password hashing, a directory) runs on a worker and completes the stage later.
 */
interface Exchange {
    /** The challenge sent when AUTH came without an initial response (client-first: empty). */
    byte[] firstChallenge();

    /** Server-first mechanisms refuse an initial response (RFC 4954 §4: 501). */
    boolean serverFirst();

    /** Evaluates one decoded client response. */
    CompletionStage<SaslStep> evaluate(SessionContext context, byte[] response);

    /** The user name the client gave, as far as known ("" otherwise), for logs and throttling. */
    String user();
}
