package org.mailroot.smtp.hook;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mailroot.api.Listener;
import org.mailroot.api.hook.NonBlocking;

/**
 * One hook service with what the dispatcher needs from its registration: a name for the logs
 * ({@code component.name}), its ranking and id for ordering, the listener it targets, and whether
 * it declared {@link NonBlocking} (then it may be called on the event loop).
 */
public record HookRef<T>(String name, int ranking, long serviceId, Object listener, T service,
        boolean nonBlocking) {

    /** Higher {@code service.ranking} first, ties to the lower {@code service.id} (design §3). */
    public static final Comparator<HookRef<?>> CALL_ORDER =
            Comparator.<HookRef<?>>comparingInt(HookRef::ranking).reversed()
                    .thenComparingLong(HookRef::serviceId);

    /** Builds a ref from a DS tuple (service properties and service object). */
    public static <T> HookRef<T> of(Map.Entry<Map<String, Object>, T> tuple) {
        Map<String, Object> props = tuple.getKey();
        T service = tuple.getValue();
        Object name = props.get("component.name");
        Object ranking = props.get("service.ranking");
        Object id = props.get("service.id");
        return new HookRef<>(name != null ? name.toString() : service.getClass().getName(),
                ranking instanceof Integer r ? r : 0,
                id instanceof Number n ? n.longValue() : Long.MAX_VALUE,
                props.get(Listener.PROPERTY), service, isTrue(props.get(NonBlocking.PROPERTY)));
    }

    /** Whether every hook of {@code hooks} is non-blocking (true for an empty list). */
    public static boolean allNonBlocking(List<? extends HookRef<?>> hooks) {
        for (int i = 0; i < hooks.size(); i++) {
            if (!hooks.get(i).nonBlocking()) {
                return false;
            }
        }
        return true;
    }

    /** DS gives Boolean for {@code @NonBlocking}; a hand-registered service may give "true". */
    private static boolean isTrue(Object value) {
        return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString().strip());
    }

    /** Whether this hook serves the named virtual server (no property: every server). */
    public boolean serves(String listenerName) {
        if (listener == null) {
            return true;
        }
        if (listener instanceof String s) {
            return s.equals(listenerName);
        }
        if (listener instanceof String[] a) {
            for (String s : a) {
                if (s.equals(listenerName)) {
                    return true;
                }
            }
            return false;
        }
        if (listener instanceof Collection<?> c) {
            return c.contains(listenerName);
        }
        return false;
    }
}
