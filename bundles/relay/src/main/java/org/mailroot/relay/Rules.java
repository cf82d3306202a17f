package org.mailroot.relay;

import java.net.InetAddress;
import org.mailroot.api.SessionInfo;

/**
 * The settings in force with their resolver, swapped as one value on a configuration change, so
 * a hook call always sees a consistent pair.
 */
record Rules(RelaySettings settings, ReverseResolver resolver) {

    /** The client's address, or null when the connection has none (never for TCP). */
    static InetAddress client(SessionInfo session) {
        InetAddress a = session.remoteAddress().getAddress();
        return a == null ? null : Cidr.normalise(a);
    }

    /**
     * Clients granted relay by address are exempt from the rate limits, as Postfix exempts
     * $mynetworks by default: they are the admin's own machines (a domain entry does not exempt,
     * it would cost a lookup per connection).
     */
    boolean exempt(InetAddress client) {
        return settings.relayList().containsAddress(client);
    }
}
