package org.mailroot.tls;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import org.mailroot.api.tls.TlsProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS provider: configuration {@code org.mailroot.tls} (optional: without it a self-signed
 * certificate is generated), the certificates in force, and the watch of their files. All slow
 * work (DNS for the host name, files, RSA key generation) runs on one thread of its own, never on
 * the DS or Configuration Admin threads (they deliver every other component's configuration) nor
 * on a network thread; activate/modified only hand it the latest values. The service is
 * registered (by hand, see {@link ProviderRegistration}) once the first certificate is ready.
 */
@Component(name = "org.mailroot.tls", configurationPid = "org.mailroot.tls",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = {})
@Designate(ocd = TlsComponent.Config.class)
public final class TlsComponent implements TlsProvider {
    private static final Logger LOG = LoggerFactory.getLogger(TlsComponent.class);
    static final String CONFIG_FILE = "etc/org.mailroot.tls.cfg";
    static final long CONFIG_WAIT_SECONDS = 10;

    @ObjectClassDefinition(name = "Mailroot TLS",
            description = "Server certificates for STARTTLS (RFC 3207) and implicit TLS (RFC 8314)")
    public @interface Config {
        @AttributeDefinition(description = "PEM certificate chain files (leaf first), or Let's Encrypt"
                + " live folders, comma separated; the first is the default, the others serve SNI")
        String certificate() default "";
        @AttributeDefinition(description = "PEM private key files, one per certificate, same order;"
                + " empty when the key is in the certificate file or a live folder is named")
        String privateKey() default "";
        @AttributeDefinition(description = "PKCS#12 file; its key entries come after the PEM certificates")
        String keystore() default "";
        @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the PKCS#12 file")
        String keystorePassword() default "";
        @AttributeDefinition(description = "TLSv1.3 and/or TLSv1.2, comma separated")
        String protocols() default "TLSv1.3,TLSv1.2";
        @AttributeDefinition(description = "Cipher suites in preference order; empty: the built-in modern list")
        String cipherSuites() default "";
        @AttributeDefinition(description = "Host name of the generated self-signed certificate; empty: the local FQDN")
        String selfSignedName() default "";
        @AttributeDefinition(description = "How often the certificate files are checked for changes; 0 = never")
        int reloadCheckSeconds() default 5;
    }

    /** The newest values not yet applied: several quick edits are applied once, the last one. */
    private final AtomicReference<ConfigValues> pending = new AtomicReference<>();
    private volatile TlsState state;
    private volatile ProviderRegistration registration;
    private volatile boolean stopping;
    // the fields below belong to the TLS thread
    private TlsSettings settings;
    private Path base;
    private BundleContext context;
    private ScheduledExecutorService thread;
    private ScheduledFuture<?> watch;

    @Activate
    public void activate(Config config, BundleContext bundleContext, Map<String, Object> properties) {
        String home = bundleContext.getProperty("mailroot.base");
        base = Path.of(home == null || home.isBlank() ? System.getProperty("user.dir") : home).toAbsolutePath();
        context = bundleContext;
        ScheduledThreadPoolExecutor one = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mailroot-tls");
            t.setDaemon(true);
            return t;
        });
        one.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a stop never waits for the delayed start
        thread = one;
        pending.set(ConfigValues.of(config));
        if (!properties.containsKey(Constants.SERVICE_PID) && Files.isRegularFile(base.resolve(CONFIG_FILE))) {
            // started before FileInstall delivered etc/org.mailroot.tls.cfg: wait for its values, or
            // a selfSignedName there would make a throwaway certificate for the host's name first
            // (replacing the kept one, so not stable across restarts); defaults if it never comes
            thread.schedule(() -> guarded(this::applyLatest), CONFIG_WAIT_SECONDS, TimeUnit.SECONDS);
        } else {
            thread.execute(() -> guarded(this::applyLatest));
        }
    }

    @Modified
    public void modified(Config config) {
        submit(ConfigValues.of(config));
    }

    @Deactivate
    public void deactivate() {
        stopping = true;
        thread.shutdown(); // a key being written is finished (an interrupt would leave half a file)
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        ProviderRegistration r = registration;
        if (r != null) {
            r.unregister();
        }
    }

    @Override
    public SSLEngine newServerEngine(InetSocketAddress peer) {
        TlsState s = state;
        if (s == null) {
            throw new IllegalStateException("TLS is starting: no certificate loaded yet");
        }
        return s.newEngine(peer);
    }

    @Override
    public String description() {
        TlsState s = state;
        return s == null ? "starting" : s.description();
    }

    private void submit(ConfigValues values) {
        pending.set(values);
        thread.execute(() -> guarded(this::applyLatest));
    }

    /** On the TLS thread: the latest configuration, if not applied yet. */
    private void applyLatest() {
        ConfigValues values = pending.getAndSet(null);
        if (values == null || stopping) {
            return; // a later task already applied it, or the component is going away
        }
        TlsSettings next = TlsSettingsParser.parse(values, base, settings, this::refused);
        if (state == null) {
            settings = next;
            state = Reloader.initial(next);
            LOG.info("TLS ready ({}): {}", String.join(", ", next.protocols()), state.description());
            registration = new ProviderRegistration(context, this, state);
        } else if (!next.equals(settings)) {
            LOG.info("TLS configuration changed: {}", next);
            TlsState loaded = Reloader.reconfigured(next, state);
            settings = next;
            swap(loaded);
        } else {
            return;
        }
        schedule();
    }

    /** The watch task (on the TLS thread): reload when a file changed or the generated one nears expiry. */
    void check() {
        TlsState next = Reloader.onTick(settings, state);
        if (next != state) {
            swap(next);
        }
    }

    /** Tests: one watch tick now, on the TLS thread, and waits for it. */
    void checkNow() throws InterruptedException, ExecutionException, TimeoutException {
        thread.submit(() -> guarded(this::check)).get(30, TimeUnit.SECONDS);
    }

    /** Tests: waits until the work handed to the TLS thread so far is done. */
    void awaitIdle() throws InterruptedException, ExecutionException, TimeoutException {
        thread.submit(() -> { }).get(30, TimeUnit.SECONDS);
    }

    private void swap(TlsState next) {
        state = next;
        registration.update(next);
    }

    private void schedule() {
        if (watch != null) {
            watch.cancel(false);
            watch = null;
        }
        int every = settings.reloadCheckSeconds();
        if (every > 0 && !thread.isShutdown()) {
            watch = thread.scheduleWithFixedDelay(() -> guarded(this::check), every, every, TimeUnit.SECONDS);
        }
    }

    /** Keeps the TLS thread alive: one failed step must not end the watching. */
    private static void guarded(Runnable step) {
        try {
            step.run();
        } catch (RejectedExecutionException stopping) {
            LOG.debug("TLS: stopping, watch not scheduled");
        } catch (RuntimeException e) {
            LOG.error("TLS: {}", e.getMessage(), e);
        }
    }

    private void refused(InvalidSettingException e) {
        // CONVENTIONS.md: name the file, key and allowed values; the previous value stays in force
        LOG.error("Invalid configuration org.mailroot.tls (etc/org.mailroot.tls.cfg): {}={}; allowed: {};"
                + " keeping {}", e.key(), e.value(), e.allowed(), settings == null ? "the default" : "the previous value");
    }
}
