package org.mailroot.smtp.auth;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mailroot.api.auth.SaslMechanism;
import org.mailroot.smtp.hook.HookRef;
import org.mailroot.smtp.session.SessionContext;
import org.mailroot.smtp.session.SmtpSession;

/** Which mechanisms a session may use now, and the EHLO keyword that lists them (RFC 4954 §3). */
public final class Mechanisms {
    public static final String PLAIN = "PLAIN";
    public static final String LOGIN = "LOGIN";

    private Mechanisms() {
    }

    /** Whether AUTH may be used on this connection: TLS, or plaintext explicitly allowed. */
    public static boolean transportAllows(SessionContext context) {
        return context.session().secure() || context.server().authSettings().allowPlaintextAuth();
    }

    /** The mechanisms offered to this session, SPI ones first (ranking order), then PLAIN LOGIN. */
    public static Set<String> offered(SessionContext context, AuthServices services) {
        Set<String> names = new LinkedHashSet<>();
        for (HookRef<SaslMechanism> m : services.mechanisms()) {
            String n = nameOf(m);
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        if (AuthServices.passwordMechanisms(context.hooks().authenticators())) {
            names.add(PLAIN);
            names.add(LOGIN);
        }
        return names;
    }

    /** The EHLO line {@code AUTH <mechanisms>}, or empty when AUTH is not offered to this session. */
    public static Optional<String> ehloKeyword(SessionContext context) {
        SmtpSession session = context.session();
        if (!transportAllows(context) || session.authenticatedUser().isPresent()) {
            return Optional.empty();
        }
        Set<String> names = offered(context, context.server().authServices());
        return names.isEmpty() ? Optional.empty() : Optional.of("AUTH " + String.join(" ", names));
    }

    /** A plugin's name, defensively: one that throws is left out rather than breaking EHLO. */
    static String nameOf(HookRef<SaslMechanism> ref) {
        try {
            String n = ref.service().name();
            return n == null ? "" : n.strip().toUpperCase(Locale.ROOT);
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }
}
