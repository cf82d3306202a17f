package org.mailroot.api;

import java.util.Locale;
import java.util.Objects;

/**
 * An RFC 5321 mailbox ({@code local-part@domain}) or the null reverse-path {@code <>}.
 *
 * <p>The local part keeps its case (RFC 5321 §2.4: only the receiving host may interpret it);
 * the domain is compared case-insensitively and stored in lower case. Internationalised
 * addresses (RFC 6531) are accepted as UTF-8 strings.
 */
public final class MailAddress {
    private static final MailAddress NULL_SENDER = new MailAddress("", "");

    private final String localPart;
    private final String domain;

    private MailAddress(String localPart, String domain) {
        this.localPart = localPart;
        this.domain = domain;
    }

    /** The null reverse-path {@code <>}, used by bounces (RFC 5321 §4.5.5). */
    public static MailAddress nullSender() {
        return NULL_SENDER;
    }

    /**
     * Builds an address from its parts.
     *
     * @throws IllegalArgumentException if either part is empty or the domain contains a space
     */
    public static MailAddress of(String localPart, String domain) {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
        if (localPart.isEmpty() || domain.isEmpty() || domain.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("not a mailbox: " + localPart + "@" + domain);
        }
        return new MailAddress(localPart, domain.toLowerCase(Locale.ROOT));
    }

    /**
     * Parses {@code local@domain}, with or without angle brackets; {@code <>} and the empty
     * string give {@link #nullSender()}. The split is at the last {@code @}, so quoted local
     * parts containing {@code @} survive.
     *
     * @throws IllegalArgumentException if the text is not a mailbox
     */
    public static MailAddress parse(String text) {
        String s = text.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty()) {
            return NULL_SENDER;
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            throw new IllegalArgumentException("not a mailbox: " + text);
        }
        return of(s.substring(0, at), s.substring(at + 1));
    }

    public boolean isNullSender() {
        return localPart.isEmpty();
    }

    public String localPart() {
        return localPart;
    }

    /** The domain in lower case; empty for the null sender. */
    public String domain() {
        return domain;
    }

    /** {@code local@domain}, or the empty string for the null sender. */
    public String address() {
        return isNullSender() ? "" : localPart + "@" + domain;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailAddress other
                && localPart.equals(other.localPart) && domain.equals(other.domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(localPart, domain);
    }

    /** The address in angle brackets, as it appears in SMTP commands. */
    @Override
    public String toString() {
        return "<" + address() + ">";
    }
}
