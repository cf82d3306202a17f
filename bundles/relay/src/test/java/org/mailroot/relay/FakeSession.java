package org.mailroot.relay;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mailroot.api.SessionInfo;

/** A session from one client address, optionally authenticated or with the listener's reverse name. */
final class FakeSession implements SessionInfo {
    private final InetSocketAddress remote;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    String user;
    String reverseName;

    FakeSession(String ip) throws Exception {
        remote = new InetSocketAddress(InetAddress.getByName(ip), 40000);
    }

    @Override public String id() { return "s1"; }
    @Override public String listenerName() { return "default"; }
    @Override public String serverName() { return "mx.example.org"; }
    @Override public InetSocketAddress remoteAddress() { return remote; }
    @Override public InetSocketAddress localAddress() { return new InetSocketAddress(25); }
    @Override public Optional<String> reverseName() { return Optional.ofNullable(reverseName); }
    @Override public Optional<String> heloName() { return Optional.empty(); }
    @Override public boolean extended() { return true; }
    @Override public boolean secure() { return false; }
    @Override public Optional<String> authenticatedUser() { return Optional.ofNullable(user); }
    @Override public Map<String, Object> attributes() { return attributes; }
}
