package org.mailroot.relay;

import java.net.IDN;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One IIS-style computer list: addresses and CIDR blocks, which match from memory, and domain
 * names, which match a client whose verified reverse name is that domain or a subdomain of it
 * (IIS's "domain name" entries did the same reverse lookup). Immutable.
 */
record AccessList(List<Cidr> ranges, List<String> domains) {
    static final AccessList EMPTY = new AccessList(List.of(), List.of());
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    AccessList {
        ranges = List.copyOf(ranges);
        domains = List.copyOf(domains);
    }

    /**
     * Parses a comma (or whitespace) separated list.
     *
     * @throws IllegalArgumentException naming the first entry that is neither an address, a CIDR
     *         block, a network/mask nor a domain name
     */
    static AccessList parse(String text) {
        List<Cidr> ranges = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        for (String entry : text.split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            if (Cidr.looksLikeAddress(entry)) {
                ranges.add(Cidr.parse(entry));
            } else {
                domains.add(domain(entry));
            }
        }
        return new AccessList(ranges, domains);
    }

    boolean isEmpty() {
        return ranges.isEmpty() && domains.isEmpty();
    }

    /** Whether matching may need a DNS lookup (then the hook must not run on the event loop). */
    boolean needsLookup() {
        return !domains.isEmpty();
    }

    boolean containsAddress(InetAddress client) {
        for (Cidr c : ranges) {
            if (c.contains(client)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a verified name is one of the domains or below one ({@code mx.example.com} in {@code example.com}). */
    boolean containsName(String verifiedName) {
        String n = normalise(verifiedName);
        for (String d : domains) {
            if (n.equals(d) || n.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    static String normalise(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static String domain(String entry) {
        String d = normalise(entry.startsWith("*.") ? entry.substring(2) : entry);
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a domain name: " + entry);
        }
        String[] labels = d.split("\\.", -1);
        if (d.isEmpty() || d.length() > 253) {
            throw new IllegalArgumentException("not a domain name: " + entry);
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("not an IP address, CIDR block or domain name: " + entry);
            }
        }
        return d;
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>();
        ranges.forEach(r -> all.add(r.toString()));
        all.addAll(domains);
        return all.isEmpty() ? "(empty)" : String.join(",", all);
    }
}
