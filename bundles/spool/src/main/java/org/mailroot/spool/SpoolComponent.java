package org.mailroot.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;
import org.mailroot.api.delivery.DeliveryTransport;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.log.EventPublisher;
import org.mailroot.api.spool.Folder;
import org.mailroot.api.spool.Spool;
import org.mailroot.spool.delivery.RetryPolicy;
import org.mailroot.spool.delivery.Transports;
import org.mailroot.spool.events.Events;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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
 * The Spool service. Retry, expiry and disk reserve change live; a new root or thread count
 * restarts the engine inside the component (stores in flight finish first, the new engine
 * recovers the queue), so the service registration and its users stay in place.
 */
@Component(service = Spool.class, configurationPid = "org.mailroot.spool", immediate = true)
@Designate(ocd = SpoolComponent.Config.class)
public final class SpoolComponent implements Spool {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolComponent.class);

    @ObjectClassDefinition(name = "Mailroot spool", description = "Mailroot folders, durable queue, retries, Pickup")
    public @interface Config {
        @AttributeDefinition(description = "Mailroot folder; relative paths are under the instance directory (mailroot.base)")
        String root() default "mailroot";

        @AttributeDefinition(description = "Minutes between retries: first, second, third, then every subsequent (IIS: 15,30,60,240)")
        String retryMinutes() default "15,30,60,240";

        @AttributeDefinition(description = "Hours after reception before an undelivered message fails (IIS: 2 days)", min = "1")
        int expireHours() default 48;

        @AttributeDefinition(description = "Refuse new messages (452 4.3.1) when less disk than this is free", min = "0")
        int minFreeDiskMb() default 64;

        /*
         * 4, not more: local delivery is bound by fsyncs, and on the 2-core benchmark machine 4
         * threads took 0.57-0.64 ms of CPU per message against 0.69-0.78 with 8 and 16 (bigger
         * shared directory fsyncs, fewer threads contending for the same directories).
         */
        @AttributeDefinition(description = "Concurrent delivery attempts", min = "1", max = "256")
        int deliveryThreads() default 4;
    }

    private final Transports transports = new Transports();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RecipientResolver> resolvers = List.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventPublisher publisher;

    private static final String INVALID =
            "Invalid configuration org.mailroot.spool (etc/org.mailroot.spool.cfg): {}={}; allowed: {}; keeping {}";

    private volatile SpoolEngine engine;
    private String base;
    /** The last valid values (the defaults until one is configured); an invalid value keeps them. */
    private String retryMinutes = "15,30,60,240";
    private int expireHours = 48;
    private int minFreeDiskMb = 64;
    private int deliveryThreads = 4;

    @Activate
    void activate(BundleContext context, Config config) throws IOException {
        base = Objects.requireNonNullElse(context.getProperty("mailroot.base"), System.getProperty("user.dir"));
        engine = new SpoolEngine(settings(config), transports, () -> resolvers, new Events(() -> publisher)).start();
        LOG.info("Spool started: retry {} min, expire {} h, reserve {} MB, {} delivery threads",
                retryMinutes, expireHours, minFreeDiskMb, deliveryThreads);
    }

    @Modified
    void modified(Config config) throws IOException, InterruptedException {
        SpoolSettings next = settings(config);
        SpoolEngine current = engine;
        LOG.info("Spool configuration changed: root {}, retry {} min, expire {} h, reserve {} MB, {} delivery threads",
                next.root(), retryMinutes, expireHours, minFreeDiskMb, deliveryThreads);
        if (current.settings().root().equals(next.root())
                && current.settings().deliveryThreads() == next.deliveryThreads()) {
            current.apply(next.retry(), next.minFreeDiskMb());
            return;
        }
        current.close();
        SpoolEngine started;
        try {
            started = new SpoolEngine(next, transports, () -> resolvers, new Events(() -> publisher)).start();
        } catch (IOException | RuntimeException e) {
            engine = null; // the old engine is closed: report "spool is stopped", not a closed store
            throw e;
        }
        engine = started;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        SpoolEngine e = engine;
        engine = null;
        if (e != null) {
            e.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + DeliveryTransport.TRANSPORT + "=*)")
    void addTransport(DeliveryTransport transport, Map<String, Object> properties) {
        String name = transports.add(transport, properties);
        LOG.info("Delivery transport {} available", name);
        SpoolEngine e = engine;
        if (e != null) {
            e.transportArrived(name); // mail deferred for lack of it goes now, not at its next retry
        }
    }

    void removeTransport(DeliveryTransport transport) {
        transports.remove(transport);
    }

    /** Validates each value; an invalid one is logged and the previous (or default) value kept. */
    SpoolSettings settings(Config c) {
        Path root = Paths.get(c.root());
        if (!root.isAbsolute()) {
            root = Paths.get(base).resolve(root);
        }
        if (validRetryMinutes(c.retryMinutes())) {
            retryMinutes = c.retryMinutes();
        } else {
            LOG.error(INVALID, "retryMinutes", c.retryMinutes(), "comma-separated list of positive integers (minutes)",
                    retryMinutes);
        }
        if (c.expireHours() >= 1) {
            expireHours = c.expireHours();
        } else {
            LOG.error(INVALID, "expireHours", c.expireHours(), ">= 1", expireHours);
        }
        if (c.minFreeDiskMb() >= 0) {
            minFreeDiskMb = c.minFreeDiskMb();
        } else {
            LOG.error(INVALID, "minFreeDiskMb", c.minFreeDiskMb(), ">= 0", minFreeDiskMb);
        }
        if (c.deliveryThreads() >= 1 && c.deliveryThreads() <= 256) {
            deliveryThreads = c.deliveryThreads();
        } else {
            LOG.error(INVALID, "deliveryThreads", c.deliveryThreads(), "1..256", deliveryThreads);
        }
        RetryPolicy retry = RetryPolicy.of(retryMinutes, expireHours);
        return SpoolSettings.defaults(root.normalize()).withRetry(retry).withMinFreeDiskMb(minFreeDiskMb)
                .withDeliveryThreads(deliveryThreads);
    }

    static boolean validRetryMinutes(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        for (String s : value.strip().split("[,\\s]+")) {
            try {
                if (Integer.parseInt(s) <= 0) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public CompletionStage<Void> store(Envelope envelope, MessageContent content) {
        SpoolEngine e = engine;
        return e == null ? CompletableFuture.failedFuture(new IOException("spool is stopped")) : e.store(envelope, content);
    }

    @Override
    public Path folder(Folder folder) {
        SpoolEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("spool is stopped");
        }
        return e.folder(folder);
    }

    @Override
    public int queueLength() {
        SpoolEngine e = engine;
        return e == null ? 0 : e.queueLength();
    }

    @Override
    public String newMessageId() {
        SpoolEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("spool is stopped");
        }
        return e.newMessageId();
    }
}
