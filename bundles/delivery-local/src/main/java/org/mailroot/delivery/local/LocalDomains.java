package org.mailroot.delivery.local;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The set of local domains. Collects every {@link DomainConfiguration} and publishes an
 * immutable {@link DomainSet} that the resolver reads once per RCPT without locking.
 * Domains are kept in configuration order (service id), which decides "the first" domain.
 */
@Component(service = LocalDomains.class)
public class LocalDomains {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDomains.class);

    private final Map<Long, DomainConfiguration> configurations = new TreeMap<>();
    private final Map<Long, LocalDomain> fixed = new TreeMap<>();
    private volatile DomainSet current = DomainSet.of(List.of());

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            updated = "updatedDomain", unbind = "unbindDomain")
    synchronized void bindDomain(DomainConfiguration domain, Map<String, Object> properties) {
        configurations.put(serviceId(properties), domain);
        rebuild();
    }

    /** Called after a {@code @Modified} domain changed its service properties. */
    synchronized void updatedDomain(DomainConfiguration domain, Map<String, Object> properties) {
        configurations.put(serviceId(properties), domain);
        rebuild();
    }

    synchronized void unbindDomain(DomainConfiguration domain, Map<String, Object> properties) {
        configurations.remove(serviceId(properties));
        rebuild();
    }

    /** Adds a domain without a configuration (tests, and callers outside OSGi). */
    synchronized void put(long order, LocalDomain domain) {
        fixed.put(order, domain);
        rebuild();
    }

    /** The current snapshot; never null. */
    DomainSet snapshot() {
        return current;
    }

    private void rebuild() {
        Map<Long, LocalDomain> ordered = new TreeMap<>(fixed);
        configurations.forEach((id, c) -> {
            LocalDomain d = c.domain();
            if (d != null) {
                ordered.put(id, d);
            }
        });
        DomainSet next = DomainSet.of(List.copyOf(ordered.values()));
        next.problems().forEach(p -> LOG.warn("Local domains: {}", p));
        LOG.info("Local domains now {} (default {})", next.names(),
                next.defaultDomain() == null ? "none" : next.defaultDomain().name());
        current = next;
    }

    private static long serviceId(Map<String, Object> properties) {
        return ((Number) properties.get(Constants.SERVICE_ID)).longValue();
    }
}
