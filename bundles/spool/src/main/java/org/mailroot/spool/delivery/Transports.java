package org.mailroot.spool.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mailroot.api.delivery.DeliveryTransport;

/**
 * The registered delivery transports by name. When two services claim one name the higher
 * {@code service.ranking} wins (ties: lower {@code service.id}), as everywhere in Mailroot.
 * Lookups read a volatile immutable map, so delivery threads never take a lock.
 */
public final class Transports {
    private record Registration(String name, int ranking, long serviceId, DeliveryTransport transport) {
    }

    private static final Comparator<Registration> BEST_FIRST = Comparator
            .comparingInt(Registration::ranking).reversed().thenComparingLong(Registration::serviceId);

    private final List<Registration> registrations = new ArrayList<>();
    private volatile Map<String, DeliveryTransport> byName = Map.of();

    /** @return the transport's name, or null when the service has no name property */
    public synchronized String add(DeliveryTransport transport, Map<String, ?> properties) {
        Object name = properties.get(DeliveryTransport.TRANSPORT);
        if (name == null) {
            return null;
        }
        Object rank = properties.get("service.ranking");
        Object id = properties.get("service.id");
        registrations.add(new Registration(String.valueOf(name), rank instanceof Integer r ? r : 0,
                id instanceof Long l ? l : Long.MAX_VALUE, transport));
        rebuild();
        return String.valueOf(name);
    }

    public synchronized void remove(DeliveryTransport transport) {
        registrations.removeIf(r -> r.transport() == transport);
        rebuild();
    }

    /** The transport of that name, or null while none is registered. */
    public DeliveryTransport get(String name) {
        return byName.get(name);
    }

    private void rebuild() {
        Map<String, DeliveryTransport> m = new HashMap<>();
        registrations.stream().sorted(BEST_FIRST).forEach(r -> m.putIfAbsent(r.name(), r.transport()));
        byName = Map.copyOf(m);
    }
}
