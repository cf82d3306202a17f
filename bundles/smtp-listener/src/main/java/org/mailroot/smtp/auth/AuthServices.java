package org.mailroot.smtp.auth;

import java.util.List;
import java.util.Optional;
import org.mailroot.api.auth.AuthThrottle;
import org.mailroot.api.auth.SaslMechanism;
import org.mailroot.api.hook.Authenticator;
import org.mailroot.smtp.hook.HookRef;

/**
 * The authentication services serving one virtual server at one moment, each list in calling
 * order (higher ranking first). Taken once per AUTH command, like the hook snapshot.
 */
public record AuthServices(List<HookRef<SaslMechanism>> mechanisms,
        List<HookRef<AuthThrottle>> throttles) {
    public static final AuthServices NONE = new AuthServices(List.of(), List.of());

    /** The first mechanism service of that name (ranking order), if any. */
    public Optional<HookRef<SaslMechanism>> mechanism(String name) {
        for (HookRef<SaslMechanism> m : mechanisms) {
            if (Mechanisms.nameOf(m).equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The throttle in force (the highest ranked), if any. */
    public Optional<AuthThrottle> throttle() {
        return throttles.isEmpty() ? Optional.empty() : Optional.of(throttles.get(0).service());
    }

    /** Whether PLAIN and LOGIN can be offered: some Authenticator serves this listener. */
    public static boolean passwordMechanisms(List<HookRef<Authenticator>> authenticators) {
        return !authenticators.isEmpty();
    }
}
