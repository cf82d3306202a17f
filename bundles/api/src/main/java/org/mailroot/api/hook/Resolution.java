package org.mailroot.api.hook;

import java.util.List;
import java.util.Objects;
import org.mailroot.api.Route;
import org.mailroot.api.Verdict;

/**
 * A recipient resolver's answer: a verdict and, when it accepts, the routes of the recipient
 * (one for a mailbox, several after group expansion, an SMTP next hop for a forward).
 *
 * @param verdict accept (with routes), decline, reject or defer
 * @param routes non-empty exactly when the verdict is accept
 */
public record Resolution(Verdict verdict, List<Route> routes) {
    private static final Resolution DECLINE = new Resolution(Verdict.decline(), List.of());

    public Resolution {
        Objects.requireNonNull(verdict, "verdict");
        routes = List.copyOf(routes == null ? List.of() : routes);
        if ((verdict.kind() == Verdict.Kind.ACCEPT) == routes.isEmpty()) {
            throw new IllegalArgumentException("routes must be given exactly when accepting");
        }
    }

    /** The recipient is ours; deliver it along these routes. */
    public static Resolution accept(List<Route> routes) {
        return new Resolution(Verdict.accept(), routes);
    }

    public static Resolution accept(Route route) {
        return accept(List.of(route));
    }

    /** No opinion; ask the next resolver. */
    public static Resolution decline() {
        return DECLINE;
    }

    /** Refuse (reject) or postpone (defer) the recipient with this verdict. */
    public static Resolution refuse(Verdict verdict) {
        if (verdict.kind() != Verdict.Kind.REJECT && verdict.kind() != Verdict.Kind.DEFER) {
            throw new IllegalArgumentException("refuse needs reject or defer, got " + verdict);
        }
        return new Resolution(verdict, List.of());
    }
}
