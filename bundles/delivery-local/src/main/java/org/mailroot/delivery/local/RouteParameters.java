package org.mailroot.delivery.local;

import java.util.Map;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Route;

/**
 * The parameters the local resolver puts on a {@link Route#LOCAL} route, persisted with the
 * message: {@value #MAILBOX} (lower-case mailbox name) and {@value #DOMAIN} (the delivery
 * domain, the default domain for alias domains). A local route made by another resolver without
 * them falls back to the recipient's local part and domain.
 */
final class RouteParameters {
    static final String MAILBOX = "mailbox";
    static final String DOMAIN = "domain";

    private RouteParameters() {
    }

    static Route localRoute(MailAddress recipient, String mailbox, String domain) {
        return new Route(Route.LOCAL, recipient, Map.of(MAILBOX, mailbox, DOMAIN, domain));
    }

    static String mailbox(Route route) {
        String m = route.parameters().get(MAILBOX);
        return m != null ? m : Mailboxes.normalize(route.recipient().localPart());
    }

    static String domain(Route route) {
        String d = route.parameters().get(DOMAIN);
        return LocalDomain.normalizeName(d != null ? d : route.recipient().domain());
    }
}
