package org.mailroot.relay;

import java.net.InetAddress;
import java.util.function.Supplier;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.ConnectionFilter;

/**
 * IIS connection control ("all except the list below" or "only the list below"), then the
 * connection rate per client. Allowed clients get decline, so the filters after this one still
 * run. Runs on the event loop when the list has no domain entries (registered non-blocking),
 * else on a hook worker: a domain entry needs a verified reverse lookup.
 */
final class ConnectionControl implements ConnectionFilter {
    private final Supplier<Rules> rules;
    private final RateLimiter connections;
    private final boolean mayLookup;

    /** @param mayLookup registered as blocking: may make a DNS lookup (see {@link HookRegistrations}) */
    ConnectionControl(Supplier<Rules> rules, RateLimiter connections, boolean mayLookup) {
        this.rules = rules;
        this.connections = connections;
        this.mayLookup = mayLookup;
    }

    @Override
    public Verdict connect(SessionInfo session) {
        Rules r = rules.get();
        InetAddress client = Rules.client(session);
        if (client == null) {
            return Verdict.decline();
        }
        AccessList list = r.settings().connectionList();
        boolean listed = list.containsAddress(client);
        if (!listed && list.needsLookup()) {
            ReverseResolver.Result name = ClientNames.of(session, r.resolver(), mayLookup);
            if (name.status() == ReverseResolver.Status.TEMPORARY_FAILURE && r.settings().onlyListed()) {
                // RFC 5321 §3.8 421 (the listener closes); RFC 3463 X.4.3: directory server failure.
                // Only a grant list defers: a deny list lets a client through rather than
                // refusing everyone while DNS is down (its owner controls its PTR anyway).
                return Verdict.defer(421, "4.4.3", "Cannot verify your host name now, try again later");
            }
            listed = name.status() == ReverseResolver.Status.VERIFIED && list.containsName(name.name());
        }
        if (r.settings().onlyListed() != listed) {
            // RFC 5321 §3.1: 554 instead of the greeting, then close; RFC 3463 X.7.1 not authorised
            return Verdict.reject(554, "5.7.1", "Access denied for " + client.getHostAddress()).andDisconnect();
        }
        if (!r.exempt(client) && !connections.tryAcquire(client, r.settings().maxConnectionsPerMinute())) {
            // RFC 5321 §3.8: 421 and close; RFC 3463 X.7.0 (policy), the client may retry later
            return Verdict.defer(421, "4.7.0", "Too many connections from " + client.getHostAddress()
                    + ", try again later").andDisconnect();
        }
        return Verdict.decline();
    }
}
