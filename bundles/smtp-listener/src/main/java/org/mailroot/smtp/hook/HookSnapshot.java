package org.mailroot.smtp.hook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.mailroot.api.hook.Authenticator;
import org.mailroot.api.hook.ConnectionFilter;
import org.mailroot.api.hook.MessageFilter;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.hook.RelayPolicy;
import org.mailroot.api.hook.SenderFilter;

/**
 * The hooks of one virtual server at one moment, each list in calling order. Taken once per
 * command (design §3): a hook that arrives later is used from the next command on.
 */
public record HookSnapshot(List<HookRef<ConnectionFilter>> connectionFilters,
        List<HookRef<SenderFilter>> senderFilters, List<HookRef<RecipientResolver>> resolvers,
        List<HookRef<RelayPolicy>> relayPolicies, List<HookRef<Authenticator>> authenticators,
        List<HookRef<MessageFilter>> messageFilters) {

    /** Whether the RCPT chain (resolvers, then relay policies) may run on the event loop. */
    public boolean recipientChainNonBlocking() {
        return HookRef.allNonBlocking(resolvers) && HookRef.allNonBlocking(relayPolicies);
    }

    /**
     * Copies a DS-injected list (which may be replaced at any time; it is read once here), keeps
     * the hooks serving {@code listenerName} and orders them. DS delivers ascending ranking order;
     * sorting by {@link HookRef#CALL_ORDER} gives the contract's order whatever the input order.
     */
    public static <T> List<HookRef<T>> select(Collection<Map.Entry<Map<String, Object>, T>> tuples,
            String listenerName) {
        if (tuples == null || tuples.isEmpty()) {
            return List.of();
        }
        List<HookRef<T>> refs = new ArrayList<>(tuples.size());
        for (Map.Entry<Map<String, Object>, T> t : List.copyOf(tuples)) {
            HookRef<T> ref = HookRef.of(t);
            if (ref.serves(listenerName)) {
                refs.add(ref);
            }
        }
        refs.sort(HookRef.CALL_ORDER);
        return List.copyOf(refs);
    }
}
