package org.mailroot.relay;

import java.time.Duration;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One relay and connection control configuration {@code org.mailroot.relay~<name>}: registers a
 * connection filter, a relay policy and a sender filter (message rate) for one virtual server or
 * all. Changes arrive through {@link #modified}: the rules are swapped at once and the rate
 * counters are kept.
 */
@Component(name = "org.mailroot.relay", configurationPid = RelayControl.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = RelayControl.Config.class, factory = true)
public final class RelayControl {
    static final String PID = "org.mailroot.relay";
    private static final Logger LOG = LoggerFactory.getLogger(RelayControl.class);

    @ObjectClassDefinition(name = "Mailroot relay and connection control",
            description = "IIS connection control and relay restrictions, and per-client rate limits")
    public @interface Config {
        @AttributeDefinition(description = "Virtual server served (its name); empty: every virtual server")
        String listener() default "";
        @AttributeDefinition(description = "allExceptListed: everyone but connectionList may connect;"
                + " onlyListed: only connectionList may connect")
        String connectionPolicy() default "allExceptListed";
        @AttributeDefinition(description = "IP addresses, CIDR blocks, network/mask or domain names")
        String connectionList() default "";
        @AttributeDefinition(description = "Clients that may relay: IP addresses, CIDR blocks,"
                + " network/mask or domain names (verified reverse name)")
        String relayList() default "";
        @AttributeDefinition(description = "Authenticated clients may relay whatever the list says")
        boolean relayAuthenticated() default true;
        @AttributeDefinition(description = "Connections per client per minute; 0 = unlimited")
        int maxConnectionsPerMinute() default 0;
        @AttributeDefinition(description = "Messages (MAIL FROM) per client per minute; 0 = unlimited")
        int maxMessagesPerMinute() default 0;
        @AttributeDefinition(description = "DNS servers for reverse lookups (IP[:port]); empty: the system's")
        String dnsServers() default "";
        @AttributeDefinition(description = "Timeout of one DNS query, seconds")
        int dnsTimeoutSeconds() default 5;
    }

    private final RateLimiter connections = new RateLimiter();
    private final RateLimiter messages = new RateLimiter();
    private volatile Rules rules;
    private String name;
    private String file;
    private HookRegistrations registrations;

    @Activate
    public void activate(Config config, BundleContext context, Map<String, Object> properties) {
        name = instanceName(properties);
        file = fileName(properties);
        rules = rules(config, properties, RelaySettings.DEFAULTS, null);
        registrations = new HookRegistrations(context, name, () -> rules, connections, messages);
        LOG.info("Relay control '{}' active: {}", name, describe(rules.settings()));
    }

    @Modified
    public void modified(Config config, Map<String, Object> properties) {
        rules = rules(config, properties, rules.settings(), rules);
        registrations.update(rules.settings());
        LOG.info("Relay control '{}' configuration changed: {}", name, describe(rules.settings()));
    }

    @Deactivate
    public void deactivate() {
        registrations.unregister();
        LOG.info("Relay control '{}' stopped", name);
    }

    private Rules rules(Config config, Map<String, Object> properties, RelaySettings previous, Rules old) {
        RelaySettings s = RelaySettings.parse(config, previous, (key, value, allowed) ->
                // CONVENTIONS.md "Invalid configuration": file, key, allowed values, what is kept
                LOG.error("Invalid configuration {} (etc/{}): {}={}; allowed: {}; keeping {}", name, file,
                        key, value, allowed, previous.valueOf(key)), properties);
        if (s.onlyListed() && s.connectionList().isEmpty()) {
            LOG.warn("Relay control '{}' (etc/{}): connectionPolicy=onlyListed with an empty connectionList"
                    + " refuses every client", name, file);
        }
        if (old != null && s.dnsServers().equals(old.settings().dnsServers())
                && s.dnsTimeoutSeconds() == old.settings().dnsTimeoutSeconds()) {
            return new Rules(s, old.resolver()); // keeps the DNS cache
        }
        return new Rules(s, new LazyResolver(s.dnsServers(), Duration.ofSeconds(s.dnsTimeoutSeconds())));
    }

    private static String describe(RelaySettings s) {
        return "listener=" + (s.listener().isEmpty() ? "(all)" : s.listener())
                + ", connection " + (s.onlyListed() ? "only " : "all except ") + s.connectionList()
                + ", relay granted to " + s.relayList()
                + (s.relayAuthenticated() ? " and authenticated clients" : "")
                + ", per client per minute: " + limit(s.maxConnectionsPerMinute()) + " connections, "
                + limit(s.maxMessagesPerMinute()) + " messages";
    }

    private static String limit(int n) {
        return n == 0 ? "unlimited" : Integer.toString(n);
    }

    /** The factory configuration's PID ({@code org.mailroot.relay~default}). */
    private static String instanceName(Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        return pid != null ? pid.toString() : PID;
    }

    /** The etc/ file FileInstall read the configuration from, else the conventional name. */
    private String fileName(Map<String, Object> properties) {
        Object f = properties.get("felix.fileinstall.filename");
        if (f != null) {
            String s = f.toString();
            return s.substring(s.lastIndexOf('/') + 1);
        }
        return name + ".cfg";
    }
}
