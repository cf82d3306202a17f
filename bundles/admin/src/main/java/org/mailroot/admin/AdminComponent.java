package org.mailroot.admin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.mailroot.admin.features.BundleRepository;
import org.mailroot.admin.features.FeatureCatalog;
import org.mailroot.admin.features.FeatureManager;
import org.mailroot.admin.http.AdminHttpServer;
import org.mailroot.admin.http.AdminToken;
import org.mailroot.admin.metrics.JmxExport;
import org.mailroot.admin.metrics.PrometheusExport;
import org.mailroot.admin.metrics.TrafficCounters;
import org.mailroot.admin.ops.AdminRoutes;
import org.mailroot.admin.ops.BundleOps;
import org.mailroot.admin.ops.ConfigOps;
import org.mailroot.admin.ops.ServerOps;
import org.mailroot.admin.ops.StatusOps;
import org.mailroot.api.log.EventPublisher;
import org.mailroot.api.spool.Spool;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin endpoint: HTTP on loopback, every request with the token of data/admin.token. Writes
 * data/admin.url (the bound address, for bin/mailroot and port 0) while it runs.
 * Requires its configuration (etc/org.mailroot.admin.cfg, shipped): without it nothing listens,
 * and it never binds the default port before the file has been read.
 */
@Component(name = "org.mailroot.admin", configurationPid = "org.mailroot.admin",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = {})
@Designate(ocd = AdminComponent.Config.class)
public final class AdminComponent {
    private static final Logger LOG = LoggerFactory.getLogger(AdminComponent.class);
    static final String URL_FILE = "admin.url";

    @ObjectClassDefinition(name = "Mailroot admin endpoint",
            description = "Management API, Prometheus /metrics; loopback only unless allowRemote")
    public @interface Config {
        @AttributeDefinition(description = "Address to bind; a non-loopback address needs allowRemote=true")
        String bindAddress() default "127.0.0.1";
        @AttributeDefinition(description = "TCP port, 0-65535; 0 picks a free port (written to data/admin.url)")
        int port() default 2580;
        @AttributeDefinition(description = "Allow a non-loopback bindAddress (put a TLS proxy in front)")
        boolean allowRemote() default false;
        @AttributeDefinition(description = "Token file, relative to the instance folder; created 0600 at first start")
        String tokenFile() default "data/admin.token";
    }

    @Reference
    private ConfigurationAdmin cm;
    @Reference
    private MetaTypeService metatype;
    @Reference
    private TrafficCounters counters;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Spool spool;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventPublisher events;
    private volatile FeatureService featureService;
    private final java.util.concurrent.CountDownLatch featureServiceBound = new java.util.concurrent.CountDownLatch(1);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFeatureService(FeatureService fs) {
        featureService = fs;
        featureServiceBound.countDown();
    }

    void unbindFeatureService(FeatureService fs) {
        if (featureService == fs) {
            featureService = null;
        }
    }

    private Thread starter;
    private volatile AdminHttpServer server;
    private volatile JmxExport jmx;
    private volatile Path urlFile;

    @Activate
    void activate(Config config, BundleContext context) {
        // Binding and loading the HTTP, JSON and Prometheus classes takes about a second on a busy
        // machine: do it off the Configuration Admin event thread, which would otherwise hold
        // back every other configuration (local domains...) behind the admin endpoint.
        starter = new Thread(() -> start(config, context), "mailroot-admin-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void start(Config config, BundleContext context) {
        try {
            Path base = folder(context, "mailroot.base", Paths.get(""));
            Path home = folder(context, "mailroot.home", base);
            Path etc = base.resolve("etc");
            AdminToken token = AdminToken.loadOrCreate(base.resolve(config.tokenFile()));
            ConfigOps configOps = new ConfigOps(context, cm, metatype, etc);
            ServerOps servers = new ServerOps(context, cm, configOps);
            PrometheusExport prometheus = new PrometheusExport(counters, this::queueLength, this::eventsDropped);
            AdminRoutes routes = new AdminRoutes(new BundleOps(context), configOps, servers,
                    new StatusOps(servers, counters, this::queueLength), () -> {
                        FeatureService fs = featureService;
                        if (fs == null) {
                            throw new IllegalStateException("feature support is not running (bundle org.apache.felix.feature)");
                        }
                        return new FeatureManager(context, new FeatureCatalog(home.resolve("features"), fs),
                                new BundleRepository(home.resolve("system")), etc);
                    }, prometheus::scrape, context.getBundle().getSymbolicName());
            String host = AdminSettings.bindAddress(config.bindAddress(), config.allowRemote());
            server = AdminHttpServer.bind(host, AdminSettings.port(config.port()), token, routes);
            jmx = new JmxExport(counters, servers::state, this::queueLength);
            InetSocketAddress a = server.address();
            String hostText = a.getAddress().getHostAddress();
            String url = "http://" + (hostText.contains(":") ? "[" + hostText + "]" : hostText) + ":" + a.getPort();
            urlFile = base.resolve("data").resolve(URL_FILE);
            Files.createDirectories(urlFile.getParent());
            Files.writeString(urlFile, url + "\n");
            LOG.info("Admin endpoint listening on {} (token in {}); bin/mailroot feature|bundle|config|server|status use it",
                    url, base.resolve(config.tokenFile()));
            reconcileFeatures(context, home, etc);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) { // includes the BindException Netty rethrows undeclared
            LOG.error("Admin endpoint not started (etc/org.mailroot.admin.cfg: bindAddress={}, port={}): {}",
                    config.bindAddress(), config.port(), e.toString());
        }
    }

    /** The launcher installs enabled features at boot; this fills in what it did not (older launchers). */
    private void reconcileFeatures(BundleContext context, Path home, Path etc) {
        Thread t = new Thread(() -> {
            try {
                // the feature reader bundle may start after this one: wait for it (bounded)
                if (!featureServiceBound.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    LOG.warn("Feature support (org.apache.felix.feature) did not start: enabled features not checked");
                    return;
                }
                FeatureService fs = featureService;
                if (fs == null) {
                    return;
                }
                new FeatureManager(context, new FeatureCatalog(home.resolve("features"), fs),
                        new BundleRepository(home.resolve("system")), etc).reconcile();
            } catch (Exception e) {
                LOG.error("Enabled features could not be completed at startup: {}", e.getMessage(), e);
            }
        }, "mailroot-admin-features");
        t.setDaemon(true);
        t.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        starter.join(30_000);
        if (jmx != null) {
            jmx.close();
        }
        if (server != null) {
            server.close();
        }
        try {
            if (urlFile != null) {
                Files.deleteIfExists(urlFile);
            }
        } catch (IOException e) {
            LOG.debug("Cannot remove {}", urlFile, e);
        }
    }

    private int queueLength() {
        Spool s = spool;
        return s == null ? -1 : s.queueLength();
    }

    private long eventsDropped() {
        EventPublisher p = events;
        return p == null ? 0 : p.dropped();
    }

    private static Path folder(BundleContext context, String property, Path fallback) {
        String value = context.getProperty(property);
        return (value == null || value.isBlank() ? fallback : Paths.get(value)).toAbsolutePath().normalize();
    }
}
