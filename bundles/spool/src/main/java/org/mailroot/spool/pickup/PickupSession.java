package org.mailroot.spool.pickup;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mailroot.api.SessionInfo;

/**
 * The session that recipient resolvers see for a Pickup/ file: listener {@code pickup}, loopback
 * addresses, no HELO, no authentication. Resolvers may tell local submission apart by the name.
 */
final class PickupSession implements SessionInfo {
    static final String LISTENER = "pickup";
    private static final InetSocketAddress LOOPBACK =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final String id;
    private final String serverName;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    PickupSession(String id, String serverName) {
        this.id = id;
        this.serverName = serverName;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String listenerName() {
        return LISTENER;
    }

    @Override
    public String serverName() {
        return serverName;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return LOOPBACK;
    }

    @Override
    public InetSocketAddress localAddress() {
        return LOOPBACK;
    }

    @Override
    public Optional<String> reverseName() {
        return Optional.of("localhost");
    }

    @Override
    public Optional<String> heloName() {
        return Optional.empty();
    }

    @Override
    public boolean extended() {
        return false;
    }

    @Override
    public boolean secure() {
        return false;
    }

    @Override
    public Optional<String> authenticatedUser() {
        return Optional.empty();
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }
}
