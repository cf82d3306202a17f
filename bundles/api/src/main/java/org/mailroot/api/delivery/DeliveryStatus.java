package org.mailroot.api.delivery;

import java.util.Objects;
import org.mailroot.api.Route;

/**
 * The outcome for one route.
 *
 * @param route the route this status is about
 * @param kind delivered, temporary (retry later) or permanent (bounce)
 * @param enhancedStatus RFC 3463 code such as {@code 2.0.0}, {@code 4.4.1}, {@code 5.1.1}
 * @param diagnostic human-readable detail, for logs and the NDR
 */
public record DeliveryStatus(Route route, Kind kind, String enhancedStatus,
        String diagnostic) {
    /** The three outcomes of a delivery. */
    public enum Kind { DELIVERED, TEMPORARY, PERMANENT }

    public DeliveryStatus {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(enhancedStatus, "enhancedStatus");
        diagnostic = diagnostic == null ? "" : diagnostic;
    }

    public static DeliveryStatus delivered(Route route) {
        return new DeliveryStatus(route, Kind.DELIVERED, "2.0.0", "delivered");
    }

    public static DeliveryStatus temporary(Route route, String status, String why) {
        return new DeliveryStatus(route, Kind.TEMPORARY, status, why);
    }

    public static DeliveryStatus permanent(Route route, String status, String why) {
        return new DeliveryStatus(route, Kind.PERMANENT, status, why);
    }
}
