package org.mailroot.relay;

import java.util.Dictionary;
import java.util.Hashtable;
import org.mailroot.api.Listener;
import org.mailroot.api.hook.ConnectionFilter;
import org.mailroot.api.hook.NonBlocking;
import org.mailroot.api.hook.RelayPolicy;
import org.mailroot.api.hook.SenderFilter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers the three hooks by hand rather than through DS, because their properties depend on
 * the configuration: {@code mailroot.listener} only when a listener is named (an empty value
 * would serve no listener at all), and {@code mailroot.hook.nonblocking} only while the list
 * concerned has no domain entry (a domain needs a DNS lookup, which must run on a worker).
 */
final class HookRegistrations {
    /** Built-in hooks rank below an integrator's plugins (design §3). */
    static final int RANKING = -100;

    private final String name;
    private final ServiceRegistration<ConnectionFilter> connection;
    private final ServiceRegistration<RelayPolicy> relay;
    private final ServiceRegistration<SenderFilter> messages;

    HookRegistrations(BundleContext context, String name, RelaySettings s, ConnectionFilter c,
            RelayPolicy r, SenderFilter m) {
        this.name = name;
        connection = context.registerService(ConnectionFilter.class, c,
                properties(name + "/connection", s, !s.connectionList().needsLookup()));
        relay = context.registerService(RelayPolicy.class, r,
                properties(name + "/relay", s, !s.relayList().needsLookup()));
        messages = context.registerService(SenderFilter.class, m, properties(name + "/messages", s, true));
    }

    void update(RelaySettings s) {
        connection.setProperties(properties(name + "/connection", s, !s.connectionList().needsLookup()));
        relay.setProperties(properties(name + "/relay", s, !s.relayList().needsLookup()));
        messages.setProperties(properties(name + "/messages", s, true));
    }

    void unregister() {
        for (ServiceRegistration<?> r : new ServiceRegistration<?>[] {connection, relay, messages}) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
    }

    private static Dictionary<String, Object> properties(String hookName, RelaySettings s, boolean nonBlocking) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("component.name", hookName); // the listener names a failing hook by it
        p.put("service.ranking", RANKING);
        p.put(NonBlocking.PROPERTY, nonBlocking);
        if (!s.listener().isEmpty()) {
            p.put(Listener.PROPERTY, s.listener());
        }
        return p;
    }
}
