package org.mailroot.delivery.local;

import java.util.Map;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Route;

/**
 * The parameters the local resolver puts on a {@link Route#LOCAL} route, persisted with the
 * message: {@value #MAILBOX} (lower-case mailbox name) and {@value #DOMAIN} (the delivery
 * domain, the default domain for alias domains). A local route made by another resolver without
 * them falls back to the recipient's local part and domain.
 *
 * <p>{@value #FOLDER} (optional, set by an integrator's resolver) files the message in a
 * subfolder: {@code Drop/<folder>/} for {@code .eml}, the Maildir++ folder {@code .<folder>}
 * of the mailbox for Maildir. A name that could leave Drop/ (a separator, a leading dot...) is
 * ignored with a warning and the message goes where it would without it: a sorting hint must
 * never cost a message (routes are persisted, so refusing would only bounce it).
 */
final class RouteParameters {
    static final String MAILBOX = "mailbox";
    static final String DOMAIN = "domain";
    static final String FOLDER = "folder";

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

    /** The requested subfolder, or null for none (absent, blank or not a safe folder name). */
    static String folder(Route route) {
        String f = route.parameters().get(FOLDER);
        if (f == null || f.isBlank()) {
            return null;
        }
        return Mailboxes.isSafeFolderName(f) ? f : null;
    }

    /** Whether the route asks for a folder that {@link #folder} refuses. */
    static boolean hasUnsafeFolder(Route route) {
        String f = route.parameters().get(FOLDER);
        return f != null && !f.isBlank() && !Mailboxes.isSafeFolderName(f);
    }
}
