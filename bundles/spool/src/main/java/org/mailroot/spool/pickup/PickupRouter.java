package org.mailroot.spool.pickup;

import java.util.List;
import java.util.function.Supplier;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Route;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.hook.Resolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a Pickup/ recipient through the recipient resolvers, highest ranking first, the first
 * non-decline answer winning. When all decline the recipient is relayed over SMTP: Pickup/ is
 * trusted local submission, as in IIS, so no relay policy applies. A resolver that throws
 * counts as defer, as in the hook contract.
 */
final class PickupRouter {
    private static final Logger LOG = LoggerFactory.getLogger(PickupRouter.class);

    private final Supplier<List<RecipientResolver>> resolvers;

    /** @param resolvers in ascending ranking order, as DS injects them */
    PickupRouter(Supplier<List<RecipientResolver>> resolvers) {
        this.resolvers = resolvers;
    }

    Resolution route(SessionInfo session, MailAddress recipient) {
        List<RecipientResolver> list = List.copyOf(resolvers.get());
        for (int i = list.size() - 1; i >= 0; i--) {
            RecipientResolver r = list.get(i);
            Resolution res;
            try {
                res = r.resolve(session, recipient);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Recipient resolver {} failed for {}: {}", r.getClass().getName(), recipient, e.toString());
                return Resolution.refuse(Verdict.defer(451, "4.3.0", "resolver failed"));
            }
            if (res != null && res.verdict().kind() != Verdict.Kind.DECLINE) {
                return res;
            }
        }
        return Resolution.accept(new Route(Route.SMTP, recipient, java.util.Map.of()));
    }
}
