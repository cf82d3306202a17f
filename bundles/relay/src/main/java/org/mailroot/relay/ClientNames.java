package org.mailroot.relay;

import java.net.InetAddress;
import org.mailroot.api.SessionInfo;

/**
 * The verified name of a session's client, looked up at most once per session: the listener's
 * own forward-confirmed name when it made one ({@code reverseLookup=true}), else ours, kept in
 * the session attributes as a plain String (never a class of this bundle, so a stopped bundle is
 * not pinned). A temporary failure is not kept: the next step asks again.
 */
final class ClientNames {
    /** Session attribute: the verified name, or "" when the client has none. */
    static final String ATTRIBUTE = "org.mailroot.relay.verifiedName";

    private ClientNames() {
    }

    /**
     * @param mayLookup false for a hook registered non-blocking (it may be on a network thread):
     *        then only a name already known counts, and none is looked up
     */
    static ReverseResolver.Result of(SessionInfo session, ReverseResolver resolver, boolean mayLookup) {
        if (session.reverseName().isPresent()) {
            return ReverseResolver.Result.verified(session.reverseName().get());
        }
        Object known = session.attributes().get(ATTRIBUTE);
        if (known instanceof String s) {
            return s.isEmpty() ? ReverseResolver.Result.NONE : ReverseResolver.Result.verified(s);
        }
        InetAddress address = session.remoteAddress().getAddress();
        if (address == null || !mayLookup) {
            return ReverseResolver.Result.NONE;
        }
        ReverseResolver.Result r = resolver.verify(address);
        if (r.status() != ReverseResolver.Status.TEMPORARY_FAILURE) {
            session.attributes().put(ATTRIBUTE, r.name() == null ? "" : r.name());
        }
        return r;
    }
}
