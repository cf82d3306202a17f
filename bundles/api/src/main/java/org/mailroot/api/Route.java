package org.mailroot.api;

import java.util.Map;
import java.util.Objects;

/**
 * Where one recipient goes: the name of the delivery transport that carries it (the
 * {@value org.mailroot.api.delivery.DeliveryTransport#TRANSPORT} property of a
 * {@link org.mailroot.api.delivery.DeliveryTransport} service) and the transport's own
 * parameters (a mailbox folder, a next hop...).
 *
 * @param transport the transport name, for example {@value #LOCAL} or {@value #SMTP}
 * @param recipient the address the transport delivers to (after aliasing or expansion)
 * @param parameters transport-specific, persisted with the message; never null
 */
public record Route(String transport, MailAddress recipient, Map<String, String> parameters) {
    /** The built-in transport that writes to the Drop folder. */
    public static final String LOCAL = "local";
    /** The built-in transport that relays over SMTP. */
    public static final String SMTP = "smtp";

    public Route {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(recipient, "recipient");
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
    }

    public static Route local(MailAddress recipient) {
        return new Route(LOCAL, recipient, Map.of());
    }
}
