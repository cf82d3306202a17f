package org.mailroot.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Mailroot instance: Felix with the distribution's bundles, configured from the
 * instance's etc/. Used by {@link Main} and, in-process, by integration tests:
 * <pre>
 * try (Mailroot m = Mailroot.start(distDir, tempDir, Map.of())) { ... }
 * </pre>
 */
public final class Mailroot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mailroot.class);
    /** How long close() lets components drain (the listener finishes in-flight transactions). */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** How long start() waits for etc/ to be applied before going on with a warning. */
    static final Duration CONFIG_TIMEOUT = Duration.ofSeconds(15);

    private final Layout layout;
    private final Framework framework;
    private final Listeners listeners;
    private final List<String> features;

    private Mailroot(Layout layout, Framework framework, Listeners listeners, List<String> features) {
        this.layout = layout;
        this.framework = framework;
        this.listeners = listeners;
        this.features = features;
    }

    /**
     * Boots an instance.
     *
     * @param home  the distribution folder (system/ holds the bundles, etc/ the default configuration)
     * @param base  the instance folder (etc/, deploy/, logs/, data/, mailroot/), created if missing;
     *              on its first boot the default etc/ files it lacks are copied from home/etc
     * @param extraFrameworkProps framework properties that override the launcher's
     */
    public static Mailroot start(Path home, Path base, Map<String, String> extraFrameworkProps)
            throws IOException, BundleException {
        Layout layout = new Layout(home, base);
        layout.prepare();
        Logging.configure(layout);
        LOG.info("Mailroot {} starting: home {}, instance {}", Version.mailroot(), layout.home(), layout.base());
        Framework framework = new Felix(FrameworkProperties.of(layout, extraFrameworkProps));
        framework.init();
        framework.start();
        Listeners listeners = new Listeners(framework.getBundleContext(), layout.data().resolve("listening"));
        BootSet boot;
        try {
            boot = BootSet.of(layout);
            if (!boot.features().isEmpty()) {
                LOG.info("Features enabled: {}", String.join(", ", boot.features()));
            }
            List<Bundle> bundles = SystemBundles.install(framework.getBundleContext(), boot.bundles());
            SystemBundles.startAllBut(bundles, Set.of(SystemBundles.FILEINSTALL));
            ConfigChangeLog.register(framework.getBundleContext(), layout);
            FeatureConfigs.apply(framework.getBundleContext(), layout.etc(), boot.configurations());
            DeployWatcher.configure(framework.getBundleContext(), "deploy", FrameworkProperties.deployWatcher(layout));
            bundles.stream().filter(b -> SystemBundles.FILEINSTALL.equals(b.getSymbolicName()))
                    .forEach(SystemBundles::start);
            // the virtual servers open last, once local domains and the spool are configured
            ConfigsApplied.await(framework.getBundleContext(), layout.etc(), CONFIG_TIMEOUT,
                    pid -> !pid.matches(FrameworkProperties.LISTENER_FILES));
            DeployWatcher.configure(framework.getBundleContext(), "listeners", FrameworkProperties.listenerWatcher(layout));
            ConfigsApplied.await(framework.getBundleContext(), layout.etc(), CONFIG_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            new Mailroot(layout, framework, listeners, List.of()).close();
            throw new BundleException("interrupted while starting", e);
        } catch (IOException | BundleException | RuntimeException e) {
            new Mailroot(layout, framework, listeners, List.of()).close();
            throw e;
        }
        return new Mailroot(layout, framework, listeners, boot.features());
    }

    /**
     * The packages the system bundle exports beyond the JDK's (the launcher's slf4j and logback), as
     * an OSGi header value; the build's resolution check uses the same list.
     */
    public static String systemPackagesExtra() {
        String slf4j = Version.slf4j();
        return String.join(",",
                "org.slf4j;version=" + slf4j, "org.slf4j.spi;version=" + slf4j,
                "org.slf4j.event;version=" + slf4j, "org.slf4j.helpers;version=" + slf4j,
                // org.apache.felix.logback routes the OSGi Log Service into the launcher's logback
                "ch.qos.logback.classic;version=" + Version.logback(),
                "ch.qos.logback.classic.spi;version=" + Version.logback());
    }

    /** The running framework (its system bundle context gives access to every service). */
    public Framework framework() {
        return framework;
    }

    /** The features enabled at boot (etc/org.mailroot.features.cfg); empty when system/ booted whole. */
    public List<String> features() {
        return features;
    }

    /** The distribution and instance folders. */
    public Layout layout() {
        return layout;
    }

    /** The virtual servers listening now. */
    public List<ListenerInfo> listeners() {
        return listeners.current();
    }

    /** Waits up to {@code timeout} until the listeners satisfy {@code done}; returns them either way. */
    public List<ListenerInfo> awaitListeners(Predicate<List<ListenerInfo>> done, Duration timeout)
            throws InterruptedException {
        return listeners.await(done, timeout);
    }

    /** Stops the framework gracefully (components drain), waiting at most {@link #STOP_TIMEOUT}. */
    @Override
    public void close() {
        if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING | Bundle.STOPPING)) == 0) {
            return;
        }
        LOG.info("Mailroot stopping");
        listeners.close();
        try {
            if (framework.getState() == Bundle.ACTIVE) {
                ListenersFirst.stop(framework.getBundleContext());
            }
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.error("Mailroot did not stop within {} s", STOP_TIMEOUT.toSeconds());
            } else {
                LOG.info("Mailroot stopped");
            }
        } catch (BundleException e) {
            LOG.error("Mailroot stop failed: {}", e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
