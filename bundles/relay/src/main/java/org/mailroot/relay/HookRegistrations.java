package org.mailroot.relay;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Supplier;
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
 *
 * <p>Whether a hook may look up is fixed in the hook object: when a change adds or removes domain
 * entries, a new object is registered (then the old one unregistered), so a listener still
 * holding the old non-blocking one for the command in progress never blocks its network thread.
 */
final class HookRegistrations {
    /** Built-in hooks rank below an integrator's plugins (design §3). */
    static final int RANKING = -100;

    private final BundleContext context;
    private final String name;
    private final Supplier<Rules> rules;
    private final RateLimiter connections;
    private ServiceRegistration<ConnectionFilter> connection;
    private boolean connectionMayLookup;
    private ServiceRegistration<RelayPolicy> relay;
    private boolean relayMayLookup;
    private final ServiceRegistration<SenderFilter> messages;

    HookRegistrations(BundleContext context, String name, Supplier<Rules> rules, RateLimiter connections,
            RateLimiter messageCounts) {
        this.context = context;
        this.name = name;
        this.rules = rules;
        this.connections = connections;
        RelaySettings s = rules.get().settings();
        update(s);
        messages = context.registerService(SenderFilter.class, new MessageRate(rules, messageCounts),
                properties(name + "/messages", s, true));
    }

    void update(RelaySettings s) {
        boolean c = s.connectionList().needsLookup();
        if (connection == null || c != connectionMayLookup) {
            ServiceRegistration<ConnectionFilter> old = connection;
            connection = context.registerService(ConnectionFilter.class, new ConnectionControl(rules, connections, c),
                    properties(name + "/connection", s, !c));
            connectionMayLookup = c;
            unregister(old);
        } else {
            connection.setProperties(properties(name + "/connection", s, !c));
        }
        boolean r = s.relayList().needsLookup();
        if (relay == null || r != relayMayLookup) {
            ServiceRegistration<RelayPolicy> old = relay;
            relay = context.registerService(RelayPolicy.class, new RelayGrant(rules, r), properties(name + "/relay", s, !r));
            relayMayLookup = r;
            unregister(old);
        } else {
            relay.setProperties(properties(name + "/relay", s, !r));
        }
        if (messages != null) {
            messages.setProperties(properties(name + "/messages", s, true));
        }
    }

    void unregister() {
        unregister(connection);
        unregister(relay);
        unregister(messages);
    }

    private static void unregister(ServiceRegistration<?> r) {
        if (r == null) {
            return;
        }
        try {
            r.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
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
