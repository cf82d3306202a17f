package org.mailroot.smtp.test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.mailroot.api.Listener;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Route;
import org.mailroot.api.auth.AuthThrottle;
import org.mailroot.api.auth.SaslMechanism;
import org.mailroot.api.hook.Authenticator;
import org.mailroot.api.hook.ConnectionFilter;
import org.mailroot.api.hook.MessageFilter;
import org.mailroot.api.hook.NonBlocking;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.hook.RelayPolicy;
import org.mailroot.api.hook.Resolution;
import org.mailroot.api.hook.SenderFilter;
import org.mailroot.api.log.MailEvent;
import org.mailroot.api.spool.Spool;
import org.mailroot.smtp.ListenerSettings;
import org.mailroot.smtp.ServerContext;
import org.mailroot.smtp.auth.AuthServices;
import org.mailroot.smtp.auth.AuthSettings;
import org.mailroot.smtp.hook.HookSnapshot;

/**
 * A virtual server for tests: hooks registered as DS would inject them (tuples of properties and
 * service), a fake spool, and by default a same-thread worker executor.
 */
public final class FakeServer implements ServerContext {
    public volatile ListenerSettings settings = ListenerSettings.defaults("mx.example.org");
    public volatile Spool spool = new FakeSpool();
    public final List<MailEvent> events = new CopyOnWriteArrayList<>();
    public volatile Executor workers = Runnable::run;
    public volatile org.mailroot.api.tls.TlsProvider tls;
    public volatile org.mailroot.smtp.TlsPolicy tlsPolicy = org.mailroot.smtp.TlsPolicy.DEFAULT;
    public final List<Map.Entry<Map<String, Object>, ConnectionFilter>> connectionFilters = new ArrayList<>();
    public final List<Map.Entry<Map<String, Object>, SenderFilter>> senderFilters = new ArrayList<>();
    public final List<Map.Entry<Map<String, Object>, RecipientResolver>> resolvers = new ArrayList<>();
    public final List<Map.Entry<Map<String, Object>, RelayPolicy>> relayPolicies = new ArrayList<>();
    public final List<Map.Entry<Map<String, Object>, MessageFilter>> messageFilters = new ArrayList<>();
    /** requireRelayPolicy of the virtual server. */
    public volatile boolean relayRequired;
    public final List<Map.Entry<Map<String, Object>, Authenticator>> authenticators = new ArrayList<>();
    public final List<Map.Entry<Map<String, Object>, SaslMechanism>> mechanisms = new ArrayList<>();
    public final List<Map.Entry<Map<String, Object>, AuthThrottle>> throttles = new ArrayList<>();
    public volatile AuthSettings authSettings = AuthSettings.DEFAULTS;
    public final java.util.concurrent.atomic.AtomicInteger reverseLookups = new java.util.concurrent.atomic.AtomicInteger();
    private long nextId = 1;

    /** A server whose resolver accepts every recipient in example.org as local. */
    public static FakeServer acceptingExampleOrg() {
        FakeServer s = new FakeServer();
        s.resolvers.add(s.hook("local", 0, null, (RecipientResolver) (session, rcpt) ->
                rcpt.domain().equals("example.org") || rcpt.domain().equals("mx.example.org")
                        ? Resolution.accept(Route.local(rcpt)) : Resolution.decline()));
        return s;
    }

    /** The DS tuple of a hook: component.name, service.ranking, service.id, mailroot.listener. */
    public <T> Map.Entry<Map<String, Object>, T> hook(String name, int ranking, String listener, T service) {
        Map<String, Object> props = new java.util.HashMap<>();
        props.put("component.name", name);
        props.put("service.ranking", ranking);
        props.put("service.id", nextId++);
        if (listener != null) {
            props.put(Listener.PROPERTY, listener);
        }
        return Map.entry(Map.copyOf(props), service);
    }

    /** The tuple of a hook registered with {@code @NonBlocking} (mailroot.hook.nonblocking=true). */
    public <T> Map.Entry<Map<String, Object>, T> nonBlockingHook(String name, int ranking, T service) {
        Map.Entry<Map<String, Object>, T> t = hook(name, ranking, null, service);
        Map<String, Object> props = new java.util.HashMap<>(t.getKey());
        props.put(NonBlocking.PROPERTY, Boolean.TRUE);
        return Map.entry(Map.copyOf(props), service);
    }

    public FakeSpool fakeSpool() {
        return (FakeSpool) spool;
    }

    @Override
    public ListenerSettings settings() {
        return settings;
    }

    @Override
    public Optional<Spool> spool() {
        return Optional.ofNullable(spool);
    }

    @Override
    public void publish(MailEvent event) {
        events.add(event);
    }

    @Override
    public HookSnapshot hooks() {
        String n = settings.name();
        return new HookSnapshot(HookSnapshot.select(connectionFilters, n),
                HookSnapshot.select(senderFilters, n), HookSnapshot.select(resolvers, n),
                HookSnapshot.select(relayPolicies, n),
                HookSnapshot.select(authenticators, n),
                HookSnapshot.select(messageFilters, n));
    }

    @Override
    public AuthSettings authSettings() {
        return authSettings;
    }

    @Override
    public AuthServices authServices() {
        String n = settings.name();
        return new AuthServices(HookSnapshot.select(mechanisms, n), HookSnapshot.select(throttles, n));
    }

    @Override
    public Executor workers() {
        return workers;
    }

    @Override
    public Optional<String> reverseName(InetAddress address) {
        reverseLookups.incrementAndGet();
        return Optional.of("client.example.net");
    }

    @Override
    public boolean relayPolicyRequired() {
        return relayRequired;
    }

    @Override
    public Optional<org.mailroot.api.tls.TlsProvider> tls() {
        return Optional.ofNullable(tls);
    }

    @Override
    public org.mailroot.smtp.TlsPolicy tlsPolicy() {
        return tlsPolicy;
    }

    public static MailAddress addr(String s) {
        return MailAddress.parse(s);
    }
}
