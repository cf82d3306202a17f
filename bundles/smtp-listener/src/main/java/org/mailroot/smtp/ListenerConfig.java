package org.mailroot.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** Turns a validated {@link SmtpListener.Config} into {@link ListenerSettings}. */
final class ListenerConfig {
    private ListenerConfig() {
    }

    /** @throws InvalidSettingException naming the key and the allowed values */
    static ListenerSettings settings(SmtpListener.Config c) {
        String name = c.name().strip();
        if (name.isEmpty()) {
            throw new InvalidSettingException("name", c.name(), "a non-empty name");
        }
        List<String> binds = Arrays.stream(c.bindAddress().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (binds.isEmpty()) {
            throw new InvalidSettingException("bindAddress", c.bindAddress(),
                    "a comma-separated list of IP addresses or host names");
        }
        range(name, "port", c.port(), 0, 65535);
        range(name, "maxMessageSizeKb", c.maxMessageSizeKb(), 1, Integer.MAX_VALUE / 1024);
        range(name, "maxSessionSizeKb", c.maxSessionSizeKb(), 1, Integer.MAX_VALUE);
        range(name, "maxRecipients", c.maxRecipients(), 1, 100_000); // RFC 5321 §4.5.3.1.8: at least 100 advised
        range(name, "maxConnections", c.maxConnections(), 0, 1_000_000);
        range(name, "idleTimeoutSeconds", c.idleTimeoutSeconds(), 1, 86_400);
        range(name, "maxCommandLine", c.maxCommandLine(), 512, 65_536); // RFC 5321 §4.5.3.1.4 minimum
        range(name, "maxTextLine", c.maxTextLine(), 1000, 1_000_000);   // RFC 5321 §4.5.3.1.6 minimum
        range(name, "hookTimeoutSeconds", c.hookTimeoutSeconds(), 1, 3600);
        String server = c.serverName().isBlank() ? localName() : c.serverName().strip();
        return new ListenerSettings(name, binds, c.port(), server, c.banner(),
                c.maxMessageSizeKb() * 1024L, c.maxSessionSizeKb() * 1024L, c.maxRecipients(),
                c.maxConnections(), c.idleTimeoutSeconds(), c.maxCommandLine(), c.maxTextLine(),
                c.paused(), c.hookTimeoutSeconds(), c.reverseLookup());
    }

    private static void range(String listener, String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(key, value, min + ".." + max);
        }
    }

    /** The local host's FQDN (may do a DNS lookup; called at activation, never on an event loop). */
    static String localName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
