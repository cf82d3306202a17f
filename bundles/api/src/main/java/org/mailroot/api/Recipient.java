package org.mailroot.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One accepted RCPT TO: the address the client gave, its RFC 3461 DSN parameters, and the
 * routes the recipient resolver chose (more than one after group expansion).
 *
 * @param address the address as given in RCPT TO
 * @param notifyOn RFC 3461 §4.1 NOTIFY values ({@code SUCCESS}, {@code FAILURE}, {@code DELAY},
 *        or {@code NEVER} alone); empty when the client gave none
 * @param originalRecipient RFC 3461 §4.2 ORCPT, as given ({@code rfc822;user@example.com})
 * @param routes where the recipient goes; never empty in a stored envelope
 */
public record Recipient(MailAddress address, Set<Notify> notifyOn,
        Optional<String> originalRecipient, List<Route> routes) {

    /** RFC 3461 §4.1 NOTIFY keywords. */
    public enum Notify { NEVER, SUCCESS, FAILURE, DELAY }

    public Recipient {
        Objects.requireNonNull(address, "address");
        notifyOn = Set.copyOf(notifyOn == null ? Set.of() : notifyOn);
        originalRecipient = originalRecipient == null ? Optional.empty() : originalRecipient;
        routes = List.copyOf(routes == null ? List.of() : routes);
    }

    /** A plain recipient with no DSN parameters. */
    public static Recipient of(MailAddress address, List<Route> routes) {
        return new Recipient(address, Set.of(), Optional.empty(), routes);
    }
}
