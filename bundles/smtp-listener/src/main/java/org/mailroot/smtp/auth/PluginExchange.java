package org.mailroot.smtp.auth;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.auth.SaslExchange;
import org.mailroot.api.auth.SaslMechanism;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.smtp.hook.HookRef;
import org.mailroot.smtp.session.SessionContext;

/**
 * Drives a {@link SaslMechanism} service. Its calls run on a worker with the hook timeout (a
 * plugin may look up a directory); whatever it throws, a null, or a timeout gives 454 4.7.0.
 */
final class PluginExchange implements Exchange {
    private static final SaslStep FAILED = SaslStep.failure(PasswordCheck.TEMPORARY);

    private final HookRef<SaslMechanism> mechanism;
    private SaslExchange exchange;
    private byte[] first = new byte[0];
    private boolean serverFirst;

    private PluginExchange(HookRef<SaslMechanism> mechanism) {
        this.mechanism = mechanism;
    }

    /** Starts the plugin's exchange on a worker; completes with the exchange, or null on failure. */
    static CompletionStage<PluginExchange> start(SessionContext context, HookRef<SaslMechanism> m) {
        PluginExchange ex = new PluginExchange(m);
        return context.runHooks("AUTH", m.nonBlocking(), p -> {
            p.calling(m.name());
            SaslExchange e = m.service().start(context.session());
            if (e == null) {
                throw new IllegalStateException("mechanism returned no exchange");
            }
            Optional<byte[]> challenge = e.initialChallenge();
            ex.exchange = e;
            ex.serverFirst = challenge != null && challenge.isPresent();
            ex.first = ex.serverFirst ? challenge.get() : new byte[0];
            return ex;
        }, null);
    }

    @Override
    public byte[] firstChallenge() {
        return first;
    }

    @Override
    public boolean serverFirst() {
        return serverFirst;
    }

    @Override
    public CompletionStage<SaslStep> evaluate(SessionContext context, byte[] response) {
        return context.runHooks("AUTH", mechanism.nonBlocking(), p -> {
            p.calling(mechanism.name());
            SaslStep step = exchange.evaluate(response);
            if (step == null) {
                throw new IllegalStateException("mechanism returned no step");
            }
            return step;
        }, FAILED);
    }

    @Override
    public String user() {
        return "";
    }
}
