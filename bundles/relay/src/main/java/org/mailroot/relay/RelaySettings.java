package org.mailroot.relay;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One relay configuration, validated. Each key is checked on its own: an invalid value is
 * reported through {@link Refusals} and the previous value of that key stays in force (the
 * default at first activation), as CONVENTIONS.md "Invalid configuration" asks.
 *
 * @param listener the virtual server served, or "" for all
 * @param onlyListed connection control grants only the listed clients (else: all except them)
 */
record RelaySettings(String listener, boolean onlyListed, AccessList connectionList,
        AccessList relayList, boolean relayAuthenticated, int maxConnectionsPerMinute,
        int maxMessagesPerMinute, List<String> dnsServers, int dnsTimeoutSeconds) {

    /** The IIS defaults: everyone may connect, nobody but authenticated clients may relay. */
    static final RelaySettings DEFAULTS = new RelaySettings("", false, AccessList.EMPTY,
            AccessList.EMPTY, true, 0, 0, List.of(), 5);

    static final String ALLOWED_LIST = "IP addresses, CIDR blocks (v4 or v6), network/mask or domain"
            + " names, comma separated";

    /** Receives one refused key: its name, the value given and the allowed values. */
    interface Refusals {
        void refused(String key, String value, String allowed);
    }

    static RelaySettings parse(RelayControl.Config c, RelaySettings previous, Refusals refusals) {
        return parse(c, previous, refusals, java.util.Map.of());
    }

    /**
     * @param raw the configuration's properties as given: DS turns "yes" into false for a boolean
     *        key without a word, so booleans are checked here
     */
    static RelaySettings parse(RelayControl.Config c, RelaySettings previous, Refusals refusals,
            java.util.Map<String, ?> raw) {
        RelaySettings p = previous;
        boolean relayAuthenticated = c.relayAuthenticated();
        Object given = raw.get("relayAuthenticated");
        if (given != null && !(given instanceof Boolean) && !given.toString().strip().matches("(?i)true|false")) {
            refusals.refused("relayAuthenticated", given.toString(), "true, false");
            relayAuthenticated = p.relayAuthenticated;
        }
        String policy = c.connectionPolicy().strip();
        boolean onlyListed = p.onlyListed;
        if (policy.equalsIgnoreCase("onlyListed")) {
            onlyListed = true;
        } else if (policy.equalsIgnoreCase("allExceptListed")) {
            onlyListed = false;
        } else {
            refusals.refused("connectionPolicy", policy, "allExceptListed, onlyListed");
        }
        return new RelaySettings(c.listener().strip(), onlyListed,
                value("connectionList", c.connectionList(), AccessList::parse, p.connectionList, ALLOWED_LIST, refusals),
                value("relayList", c.relayList(), RelaySettings::relayList, p.relayList, ALLOWED_LIST, refusals),
                relayAuthenticated,
                range("maxConnectionsPerMinute", c.maxConnectionsPerMinute(), p.maxConnectionsPerMinute, refusals, 1_000_000),
                range("maxMessagesPerMinute", c.maxMessagesPerMinute(), p.maxMessagesPerMinute, refusals, 1_000_000),
                value("dnsServers", c.dnsServers(), RelaySettings::servers, p.dnsServers,
                        "IP addresses with an optional :port ([v6]:port), comma separated; empty: the system's", refusals),
                c.dnsTimeoutSeconds() >= 1 && c.dnsTimeoutSeconds() <= 60 ? c.dnsTimeoutSeconds()
                        : refuse("dnsTimeoutSeconds", c.dnsTimeoutSeconds(), "1..60", p.dnsTimeoutSeconds, refusals));
    }

    private static <T> T value(String key, String text, Function<String, T> parser, T previous,
            String allowed, Refusals refusals) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            refusals.refused(key, text, allowed + " (" + e.getMessage() + ")");
            return previous;
        }
    }

    private static int range(String key, int value, int previous, Refusals refusals, int max) {
        return value >= 0 && value <= max ? value
                : refuse(key, value, "0.." + max + " (0 = unlimited)", previous, refusals);
    }

    private static int refuse(String key, int value, String allowed, int previous, Refusals refusals) {
        refusals.refused(key, Integer.toString(value), allowed);
        return previous;
    }

    /** A relay list never holds the whole address space: that would be an open relay. */
    static AccessList relayList(String text) {
        AccessList list = AccessList.parse(text);
        for (Cidr c : list.ranges()) {
            if (c.prefix() == 0) {
                throw new IllegalArgumentException(c + " would make an open relay");
            }
        }
        return list;
    }

    /** Server entries must be IP literals: resolving a DNS server's name would need DNS. */
    static List<String> servers(String text) {
        List<String> out = new ArrayList<>();
        for (String s : Arrays.stream(text.split("[,\\s]+")).filter(x -> !x.isEmpty()).toList()) {
            String host = s.startsWith("[") ? s.substring(1, Math.max(1, s.indexOf(']')))
                    : s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') > 0 ? s.substring(0, s.indexOf(':')) : s;
            Cidr c = Cidr.parse(host);
            if (c.prefix() != c.network().length * 8) {
                throw new IllegalArgumentException("a server is one address: " + s);
            }
            try {
                socketAddress(s);
            } catch (UnknownHostException | RuntimeException e) {
                throw new IllegalArgumentException("bad server: " + s);
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** The value of a key as it stands in the settings, to name what is kept. */
    String valueOf(String key) {
        return switch (key) {
            case "listener" -> listener;
            case "connectionPolicy" -> onlyListed ? "onlyListed" : "allExceptListed";
            case "connectionList" -> connectionList.toString();
            case "relayList" -> relayList.toString();
            case "maxConnectionsPerMinute" -> Integer.toString(maxConnectionsPerMinute);
            case "maxMessagesPerMinute" -> Integer.toString(maxMessagesPerMinute);
            case "dnsServers" -> dnsServers.isEmpty() ? "(system)" : String.join(",", dnsServers);
            case "dnsTimeoutSeconds" -> Integer.toString(dnsTimeoutSeconds);
            case "relayAuthenticated" -> Boolean.toString(relayAuthenticated);
            default -> "the previous value";
        };
    }

    /** {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 literal; port 53 by default. */
    static InetSocketAddress socketAddress(String server) throws UnknownHostException {
        String s = server.strip();
        String host = s;
        int port = 53;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            host = s.substring(1, end);
            if (s.length() > end + 1) {
                port = Integer.parseInt(s.substring(end + 2));
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = Integer.parseInt(s.substring(s.indexOf(':') + 1));
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + server);
        }
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }
}
