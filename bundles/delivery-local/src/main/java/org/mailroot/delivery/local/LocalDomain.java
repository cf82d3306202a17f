package org.mailroot.delivery.local;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One configured local domain, as read from a {@code org.mailroot.domain~<name>} configuration.
 *
 * @param name the domain in lower case, without a trailing dot
 * @param alias an IIS alias domain: its recipients are delivered as if addressed to the default
 *        domain (same mailboxes, same Maildir folders)
 * @param isDefault the default domain (postmaster and alias domains deliver there)
 * @param mailboxes known mailbox names, lower case (local parts are looked up case-insensitively)
 */
record LocalDomain(String name, boolean alias, boolean isDefault, Set<String> mailboxes) {

    LocalDomain {
        Objects.requireNonNull(name, "name");
        mailboxes = Set.copyOf(mailboxes == null ? Set.of() : mailboxes);
    }

    /** Whether {@code localPart} is listed in this domain's {@code mailboxes}, ignoring case. */
    boolean lists(String localPart) {
        return mailboxes.contains(Mailboxes.normalize(localPart));
    }

    /** Lower case and without the trailing dot of an absolute name, as domains are compared. */
    static String normalizeName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
