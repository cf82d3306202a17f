package org.mailroot.smtp;

import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.mailroot.api.auth.AuthThrottle;
import org.mailroot.api.auth.SaslMechanism;
import org.mailroot.api.hook.Authenticator;
import org.mailroot.api.hook.ConnectionFilter;
import org.mailroot.api.hook.MessageFilter;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.hook.RelayPolicy;
import org.mailroot.api.hook.SenderFilter;
import org.mailroot.api.log.EventPublisher;
import org.mailroot.api.log.MailEvent;
import org.mailroot.api.spool.Spool;
import org.mailroot.api.tls.TlsProvider;
import org.mailroot.smtp.auth.AuthServices;
import org.mailroot.smtp.auth.AuthSettings;
import org.mailroot.smtp.hook.HookSnapshot;
import org.mailroot.smtp.net.SmtpServer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.CollectionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One virtual server per factory configuration {@code org.mailroot.listener~<name>}. Limit and
 * pause changes arrive through {@link #modified} and never rebind; bindAddress/port changes
 * rebind. Once bound it registers a service announcing {@value #PROPERTY_PORT} and
 * {@value #PROPERTY_ADDRESSES}, updated on rebind (see {@link ListenerRegistration}: bnd 7.1
 * refuses DS 1.5 Map-returning activate methods without Felix extensions).
 */
@Component(name = "org.mailroot.listener", configurationPid = "org.mailroot.listener",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = {})
@Designate(ocd = SmtpListener.Config.class, factory = true)
public final class SmtpListener implements ServerContext {
    public static final String PROPERTY_PORT = "mailroot.listener.port";
    public static final String PROPERTY_ADDRESSES = "mailroot.listener.addresses";
    private static final Logger LOG = LoggerFactory.getLogger(SmtpListener.class);
    private static final long DRAIN_SECONDS = 30;

    @ObjectClassDefinition(name = "Mailroot SMTP virtual server",
            description = "One ESMTP listener (RFC 5321); defaults follow IIS SMTP.")
    public @interface Config {
        @AttributeDefinition(description = "Virtual server name; hooks target it with mailroot.listener")
        String name() default "default";
        @AttributeDefinition(description = "Addresses to bind, comma separated")
        String bindAddress() default "0.0.0.0";
        @AttributeDefinition(description = "TCP port; 0 picks a free port")
        int port() default 2525;
        @AttributeDefinition(description = "Name announced in the greeting and Received; empty: the local FQDN")
        String serverName() default "";
        @AttributeDefinition(description = "Greeting text after the server name")
        String banner() default "";
        int maxMessageSizeKb() default 2048;
        int maxSessionSizeKb() default 10240;
        int maxRecipients() default 100;
        @AttributeDefinition(description = "0 = unlimited")
        int maxConnections() default 0;
        int idleTimeoutSeconds() default 600;
        int maxCommandLine() default 512;
        int maxTextLine() default 1000;
        boolean paused() default false;
        int hookTimeoutSeconds() default 30;
        @AttributeDefinition(description = "Look up the client's reverse DNS name (forward-confirmed)"
                + " for the Received header and hooks; off as in IIS (one blocking lookup per connection)")
        boolean reverseLookup() default false;
        @AttributeDefinition(description = "A relay policy (the relay bundle) must be present: while none is"
                + " bound, non-local recipients get 451 4.3.0 instead of 550 5.7.1 (design §3)")
        boolean requireRelayPolicy() default false;
        @AttributeDefinition(description = "none, starttls (RFC 3207, offered while a TLS provider is bound)"
                + " or implicit (RFC 8314, TLS from the first byte, as on port 465)")
        String tls() default "starttls";
        @AttributeDefinition(description = "MAIL, RCPT, DATA, BDAT and AUTH need TLS first (530 5.7.0);"
                + " for submission, never on a public MX (RFC 3207 §4)")
        boolean requireTls() default false;
        @AttributeDefinition(description = "Offer and accept AUTH without TLS (RFC 4954 §4); off: passwords"
                + " never cross the network in the clear")
        boolean allowPlaintextAuth() default false;
        @AttributeDefinition(description = "Refuse MAIL with 530 5.7.0 until the client has authenticated"
                + " (RFC 4954 §6); on for submission, never for an MX")
        boolean requireAuth() default false;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Spool spool;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventPublisher events;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TlsProvider tls;

    // Hook lists: DYNAMIC/GREEDY/MULTIPLE tuples, replaced by DS; read once per snapshot (design §3)
    @Reference(service = ConnectionFilter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            collectionType = CollectionType.TUPLE)
    private volatile List<Map.Entry<Map<String, Object>, ConnectionFilter>> connectionFilters;

    @Reference(service = SenderFilter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            collectionType = CollectionType.TUPLE)
    private volatile List<Map.Entry<Map<String, Object>, SenderFilter>> senderFilters;

    @Reference(service = RecipientResolver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            collectionType = CollectionType.TUPLE)
    private volatile List<Map.Entry<Map<String, Object>, RecipientResolver>> resolvers;

    @Reference(service = RelayPolicy.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            collectionType = CollectionType.TUPLE)
    private volatile List<Map.Entry<Map<String, Object>, RelayPolicy>> relayPolicies;

    @Reference(service = Authenticator.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            collectionType = CollectionType.TUPLE)
    private volatile List<Map.Entry<Map<String, Object>, Authenticator>> authenticators;

    @Reference(service = MessageFilter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            collectionType = CollectionType.TUPLE)
    private volatile List<Map.Entry<Map<String, Object>, MessageFilter>> messageFilters;

    @Reference(service = SaslMechanism.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            collectionType = CollectionType.TUPLE)
    private volatile List<Map.Entry<Map<String, Object>, SaslMechanism>> saslMechanisms;

    @Reference(service = AuthThrottle.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            collectionType = CollectionType.TUPLE)
    private volatile List<Map.Entry<Map<String, Object>, AuthThrottle>> authThrottles;

    private volatile ListenerSettings settings;
    private volatile boolean relayPolicyRequired;
    private volatile TlsPolicy tlsPolicy;
    private volatile AuthSettings authSettings = AuthSettings.DEFAULTS;
    private SmtpServer server;
    private ExecutorService workers;
    private List<InetSocketAddress> bound = List.of();
    private ListenerRegistration registration;
    /** The configuration values in force, to name the kept value when a change is refused. */
    private Map<String, String> configValues = Map.of();

    @Activate
    public void activate(Config config, BundleContext context) throws Exception {
        settings = ListenerConfig.settings(config);
        relayPolicyRequired = config.requireRelayPolicy();
        tlsPolicy = initialTlsPolicy(config);
        authSettings = new AuthSettings(config.allowPlaintextAuth(), config.requireAuth());
        configValues = values(config);
        workers = WorkerPool.create(settings.name());
        server = new SmtpServer(this);
        try {
            bound = server.bind();
        } catch (Exception e) { // Netty rethrows BindException undeclared
            server.shutdown(0);
            workers.shutdownNow();
            throw e;
        }
        registration = new ListenerRegistration(context, settings, tlsPolicy, bound);
    }

    @Modified
    public void modified(Config config) throws Exception {
        ListenerSettings next;
        TlsPolicy nextTls;
        try {
            next = ListenerConfig.settings(config);
            nextTls = TlsPolicy.of(config.tls(), config.requireTls());
        } catch (InvalidSettingException e) {
            // CONVENTIONS.md: name the file, key and allowed values; the old value stays in force
            String pid = "org.mailroot.listener~" + settings.name();
            LOG.error("Invalid configuration {} (etc/{}.cfg): {}={}; allowed: {}; keeping {}", pid, pid,
                    e.key(), e.value(), e.allowed(), configValues.getOrDefault(e.key(), "the previous value"));
            throw e;
        }
        configValues = values(config);
        ListenerSettings old = settings;
        settings = next;
        relayPolicyRequired = config.requireRelayPolicy();
        tlsPolicy = nextTls;
        authSettings = new AuthSettings(config.allowPlaintextAuth(), config.requireAuth());
        LOG.info("Virtual server '{}' configuration changed: {}, requireRelayPolicy={}, {}, {}", next.name(), next,
                relayPolicyRequired, nextTls, authSettings);
        if (next.needsRebind(old)) {
            server.unbind();
            try {
                bound = server.bind();
            } catch (Exception e) {
                LOG.error("Virtual server '{}' cannot bind {} port {}, keeping the old address: {}",
                        next.name(), next.bindAddresses(), next.port(), e.toString());
                settings = old;
                bound = server.bind();
                throw e;
            }
        }
        registration.update(next, nextTls, bound);
    }

    @Deactivate
    public void deactivate() {
        LOG.info("Virtual server '{}' stopping", settings.name());
        registration.unregister();
        server.shutdown(DRAIN_SECONDS);
        workers.shutdownNow();
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
        EventPublisher p = events;
        if (p != null) {
            try {
                p.publish(event);
            } catch (RuntimeException e) {
                LOG.debug("event publisher failed: {}", e.toString());
            }
        }
    }

    @Override
    public boolean publishing() {
        return events != null;
    }

    @Override
    public HookSnapshot hooks() {
        String name = settings.name();
        return new HookSnapshot(HookSnapshot.select(connectionFilters, name),
                HookSnapshot.select(senderFilters, name), HookSnapshot.select(resolvers, name),
                HookSnapshot.select(relayPolicies, name), HookSnapshot.select(authenticators, name),
                HookSnapshot.select(messageFilters, name));
    }

    @Override
    public AuthSettings authSettings() {
        return authSettings;
    }

    @Override
    public AuthServices authServices() {
        String name = settings.name();
        return new AuthServices(HookSnapshot.select(saslMechanisms, name),
                HookSnapshot.select(authThrottles, name));
    }

    @Override
    public Executor workers() {
        return workers;
    }

    @Override
    public Optional<String> reverseName(InetAddress address) {
        return ReverseLookup.of(address);
    }

    @Override
    public boolean relayPolicyRequired() {
        return relayPolicyRequired;
    }

    /** A refused TLS value at the first activation keeps the default of that key (CONVENTIONS). */
    private TlsPolicy initialTlsPolicy(Config config) {
        try {
            return TlsPolicy.of(config.tls(), config.requireTls());
        } catch (InvalidSettingException e) {
            String pid = "org.mailroot.listener~" + settings.name();
            LOG.error("Invalid configuration {} (etc/{}.cfg): {}={}; allowed: {}; keeping the default", pid, pid,
                    e.key(), e.value(), e.allowed());
            // a typo in tls= must not drop requireTls (that would weaken a submission server)
            return e.key().equals("tls") ? new TlsPolicy(TlsPolicy.Mode.STARTTLS, config.requireTls())
                    : new TlsPolicy(TlsPolicy.Mode.NONE, false);
        }
    }

    @Override
    public Optional<TlsProvider> tls() {
        return Optional.ofNullable(tls);
    }

    @Override
    public TlsPolicy tlsPolicy() {
        return tlsPolicy;
    }

    /** A snapshot (the Config object may be backed by a map that changes under it). */
    private static Map<String, String> values(Config config) {
        Map<String, String> values = new HashMap<>();
        for (Method m : Config.class.getDeclaredMethods()) {
            try {
                values.put(m.getName(), String.valueOf(m.invoke(config)));
            } catch (ReflectiveOperationException e) {
                // not a value method
            }
        }
        return values;
    }
}
