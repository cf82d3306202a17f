package org.mailroot.relay;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An address range: one IPv4 or IPv6 address, a CIDR block ({@code 10.0.0.0/8},
 * {@code 2001:db8::/32}) or, as IIS wrote it, an IPv4 network with its subnet mask
 * ({@code 192.168.1.0/255.255.255.0}). Literals are parsed here, never handed to the resolver,
 * so a configuration entry can never cause a DNS lookup. IPv4-mapped IPv6 clients
 * ({@code ::ffff:192.0.2.1}) match the IPv4 ranges.
 */
record Cidr(byte[] network, int prefix) {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** @throws IllegalArgumentException when the text is not an address, CIDR block or network/mask */
    static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        InetAddress address = literal(slash < 0 ? s : s.substring(0, slash));
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String suffix = s.substring(slash + 1);
            prefix = suffix.matches("\\d{1,3}") ? Integer.parseInt(suffix) : maskLength(suffix, bytes.length);
            if (prefix > bits) {
                throw new IllegalArgumentException("prefix length above " + bits + ": " + text);
            }
        }
        return new Cidr(masked(bytes, prefix), prefix);
    }

    /** Whether the text looks like an address entry (digits and dots, or contains a colon). */
    static boolean looksLikeAddress(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        return host.contains(":") || host.matches("[0-9.]+");
    }

    boolean contains(InetAddress client) {
        byte[] b = normalise(client).getAddress();
        return b.length == network.length && Arrays.equals(masked(b, prefix), network);
    }

    /** An IPv4-mapped IPv6 address as its IPv4 address; any other address unchanged. */
    static InetAddress normalise(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address && b.length == 16) {
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                try {
                    return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e); // four bytes are always an address
                }
            }
        }
        return a;
    }

    private static InetAddress literal(String host) {
        try {
            if (IPV4.matcher(host).matches()) {
                return InetAddress.getByName(host); // a literal: no lookup
            }
            if (host.contains(":") && IPV6.matcher(host).matches()) {
                InetAddress a = InetAddress.getByName(host); // a literal (has ':'): no lookup
                if (a instanceof Inet6Address || a instanceof Inet4Address) {
                    return normalise(a);
                }
            }
        } catch (UnknownHostException e) {
            // falls through: not a valid literal
        }
        throw new IllegalArgumentException("not an IP address: " + host);
    }

    private static int maskLength(String mask, int length) {
        byte[] m = literal(mask).getAddress();
        if (m.length != length) {
            throw new IllegalArgumentException("mask of another address family: " + mask);
        }
        int n = 0;
        boolean zeros = false;
        for (byte x : m) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean one = (x >> bit & 1) == 1;
                if (one && zeros) {
                    throw new IllegalArgumentException("mask is not contiguous: " + mask);
                }
                zeros |= !one;
                n += one ? 1 : 0;
            }
        }
        return n;
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            return "?/" + prefix;
        }
    }
}
