package org.mailroot.delivery.local;

import java.net.IDN;

/**
 * Checks that a configured domain is a host name (RFC 1035 §2.3.1 letter-digit-hyphen labels,
 * RFC 5321 §4.1.2 Domain), so that it can also be used safely as a folder name under Drop/.
 * Internationalised names (RFC 5890) are checked in their ASCII (A-label) form.
 */
final class DomainNames {
    /** What the error messages name as the allowed range of the {@code name} key. */
    static final String RULE = "a domain name: dot-separated labels of 1-63 letters, digits or"
            + " hyphens (not at either end of a label), at most 253 characters";

    private DomainNames() {
    }

    static boolean isValid(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(LocalDomain.normalizeName(name), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return false;
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!isLabel(label)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLabel(String label) {
        if (label.isEmpty() || label.length() > 63
                || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9') || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
