package org.mailroot.delivery.local;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Mailbox names and their folders under Drop/.
 *
 * <p>RFC 5321 §2.4 lets only the receiving host interpret a local part; we choose to compare
 * local parts case-insensitively (as IIS and most hosts do), so {@code John@} and {@code john@}
 * are one mailbox, stored in the lower-case folder {@code Drop/<domain>/john/}.
 */
final class Mailboxes {
    /** The postmaster mailbox that RFC 5321 §4.5.1 requires every SMTP server to accept. */
    static final String POSTMASTER = "postmaster";

    private Mailboxes() {
    }

    static String normalize(String localPart) {
        return localPart.toLowerCase(Locale.ROOT);
    }

    static boolean isPostmaster(String localPart) {
        return POSTMASTER.equalsIgnoreCase(localPart);
    }

    /**
     * Whether a (normalised) mailbox name can be a single folder name: no path separators, no
     * control characters, no quotes, not hidden (a leading dot is a Maildir++ subfolder), and
     * short enough for common file systems.
     */
    static boolean isSafeFolderName(String mailbox) {
        if (mailbox.isEmpty() || mailbox.length() > 200 || mailbox.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < mailbox.length(); i++) {
            char c = mailbox.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == '"' || c == ':') {
                return false;
            }
        }
        return true;
    }

    /** Drop/<domain>/<mailbox>/, the Maildir++ root that Dovecot serves as {@code %d/%n}. */
    static Path folder(Path drop, String domain, String mailbox) {
        return drop.resolve(domain).resolve(mailbox);
    }
}
