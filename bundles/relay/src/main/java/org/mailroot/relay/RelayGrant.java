package org.mailroot.relay;

import java.net.InetAddress;
import java.util.function.Supplier;
import org.mailroot.api.MailAddress;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.RelayPolicy;

/**
 * IIS relay restrictions: "only the list below" may relay, and "allow all computers which
 * successfully authenticate to relay, regardless of the list above". Anyone else gets decline:
 * when every policy declines the listener refuses with 550 5.7.1, so this policy can only ever
 * grant, never open the relay by omission. IIS's "all except the list below" is deliberately not
 * offered for relaying: it makes an open relay for the whole Internet but the listed.
 */
final class RelayGrant implements RelayPolicy {
    private final Supplier<Rules> rules;

    private final boolean mayLookup;

    /** @param mayLookup registered as blocking: may make a DNS lookup (see {@link HookRegistrations}) */
    RelayGrant(Supplier<Rules> rules, boolean mayLookup) {
        this.rules = rules;
        this.mayLookup = mayLookup;
    }

    @Override
    public Verdict relay(SessionInfo session, MailAddress recipient) {
        Rules r = rules.get();
        if (r.settings().relayAuthenticated() && session.authenticatedUser().isPresent()) {
            return Verdict.accept();
        }
        InetAddress client = Rules.client(session);
        AccessList list = r.settings().relayList();
        if (client == null || list.isEmpty()) {
            return Verdict.decline();
        }
        if (list.containsAddress(client)) {
            return Verdict.accept();
        }
        if (list.needsLookup()) {
            ReverseResolver.Result name = ClientNames.of(session, r.resolver(), mayLookup);
            if (name.status() == ReverseResolver.Status.TEMPORARY_FAILURE) {
                // RFC 5321 §4.2.2 451 rather than a 550 that would bounce mail of a granted
                // domain while DNS is down; RFC 3463 X.4.3 directory server failure
                return Verdict.defer(451, "4.4.3", "Cannot verify your host name now, try again later");
            }
            if (name.status() == ReverseResolver.Status.VERIFIED && list.containsName(name.name())) {
                return Verdict.accept();
            }
        }
        return Verdict.decline();
    }
}
