package org.mailroot.auth;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mailroot.api.SessionInfo;

/** A session for hook tests: a listener name, a client address, maybe an authenticated user. */
public record FakeSession(String listenerName, String user, Map<String, Object> attributes) implements SessionInfo {
    public FakeSession(String listenerName, String user) {
        this(listenerName, user, new ConcurrentHashMap<>());
    }

    @Override public String id() { return "test"; }
    @Override public String serverName() { return "mx.example.com"; }
    @Override public InetSocketAddress remoteAddress() { return new InetSocketAddress("192.0.2.7", 40000); }
    @Override public InetSocketAddress localAddress() { return new InetSocketAddress("192.0.2.1", 2587); }
    @Override public Optional<String> reverseName() { return Optional.empty(); }
    @Override public Optional<String> heloName() { return Optional.of("client"); }
    @Override public boolean extended() { return true; }
    @Override public boolean secure() { return true; }
    @Override public Optional<String> authenticatedUser() { return Optional.ofNullable(user); }
}
