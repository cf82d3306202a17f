package org.mailroot.smtp;

import java.util.List;

/**
 * The limits and switches of one virtual server, immutable. A configuration change builds a new
 * instance ({@code @Modified}); sessions read the current one at each step, so a new limit applies
 * from the next command on and the socket is never rebound for it.
 */
public record ListenerSettings(String name, List<String> bindAddresses, int port,
        String serverName, String banner, long maxMessageSize, long maxSessionSize,
        int maxRecipients, int maxConnections, int idleTimeoutSeconds, int maxCommandLine,
        int maxTextLine, boolean paused, int hookTimeoutSeconds, boolean reverseLookup) {

    /** Without reverseLookup (off, the IIS default). */
    public ListenerSettings(String name, List<String> bindAddresses, int port, String serverName,
            String banner, long maxMessageSize, long maxSessionSize, int maxRecipients,
            int maxConnections, int idleTimeoutSeconds, int maxCommandLine, int maxTextLine,
            boolean paused, int hookTimeoutSeconds) {
        this(name, bindAddresses, port, serverName, banner, maxMessageSize, maxSessionSize,
                maxRecipients, maxConnections, idleTimeoutSeconds, maxCommandLine, maxTextLine,
                paused, hookTimeoutSeconds, false);
    }

    /** Settings with the IIS defaults of CONVENTIONS.md, for tests and as a base. */
    public static ListenerSettings defaults(String serverName) {
        return new ListenerSettings("default", List.of("0.0.0.0"), 2525, serverName, "",
                2048L * 1024, 10240L * 1024, 100, 0, 600, 512, 1000, false, 30);
    }

    public ListenerSettings withMaxMessageSize(long bytes) {
        return new ListenerSettings(name, bindAddresses, port, serverName, banner, bytes,
                maxSessionSize, maxRecipients, maxConnections, idleTimeoutSeconds, maxCommandLine,
                maxTextLine, paused, hookTimeoutSeconds, reverseLookup);
    }

    public ListenerSettings withMaxSessionSize(long bytes) {
        return new ListenerSettings(name, bindAddresses, port, serverName, banner, maxMessageSize,
                bytes, maxRecipients, maxConnections, idleTimeoutSeconds, maxCommandLine,
                maxTextLine, paused, hookTimeoutSeconds, reverseLookup);
    }

    public ListenerSettings withMaxRecipients(int n) {
        return new ListenerSettings(name, bindAddresses, port, serverName, banner, maxMessageSize,
                maxSessionSize, n, maxConnections, idleTimeoutSeconds, maxCommandLine,
                maxTextLine, paused, hookTimeoutSeconds, reverseLookup);
    }

    public ListenerSettings withConnections(int max, boolean pause) {
        return new ListenerSettings(name, bindAddresses, port, serverName, banner, maxMessageSize,
                maxSessionSize, maxRecipients, max, idleTimeoutSeconds, maxCommandLine,
                maxTextLine, pause, hookTimeoutSeconds, reverseLookup);
    }

    public ListenerSettings withHookTimeoutSeconds(int seconds) {
        return new ListenerSettings(name, bindAddresses, port, serverName, banner, maxMessageSize,
                maxSessionSize, maxRecipients, maxConnections, idleTimeoutSeconds, maxCommandLine,
                maxTextLine, paused, seconds, reverseLookup);
    }

    public ListenerSettings withReverseLookup(boolean on) {
        return new ListenerSettings(name, bindAddresses, port, serverName, banner, maxMessageSize,
                maxSessionSize, maxRecipients, maxConnections, idleTimeoutSeconds, maxCommandLine,
                maxTextLine, paused, hookTimeoutSeconds, on);
    }

    /** Whether a change from {@code old} needs the server sockets to be bound again. */
    public boolean needsRebind(ListenerSettings old) {
        return old == null || port != old.port || !bindAddresses.equals(old.bindAddresses);
    }
}
