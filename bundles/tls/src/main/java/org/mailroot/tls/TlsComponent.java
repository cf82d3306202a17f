package org.mailroot.tls;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import org.mailroot.api.tls.TlsProvider;
import org.osgi.framework.BundleContext;
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
 * certificate is generated), the certificates in force, and a task that watches the files and
 * reloads them off the network threads. The service is registered by hand (see
 * {@link ProviderRegistration}) so its description property follows reloads.
 */
@Component(name = "org.mailroot.tls", configurationPid = "org.mailroot.tls",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = {})
@Designate(ocd = TlsComponent.Config.class)
public final class TlsComponent implements TlsProvider {
    private static final Logger LOG = LoggerFactory.getLogger(TlsComponent.class);

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

    private final Object lock = new Object();
    private volatile TlsState state;
    private TlsSettings settings;
    private Path base;
    private ProviderRegistration registration;
    private ScheduledExecutorService watcher;
    private ScheduledFuture<?> watch;

    @Activate
    public void activate(Config config, BundleContext context) {
        String home = context.getProperty("mailroot.base");
        base = Path.of(home == null || home.isBlank() ? System.getProperty("user.dir") : home).toAbsolutePath();
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailroot-tls-reload");
            t.setDaemon(true);
            return t;
        });
        synchronized (lock) {
            settings = TlsSettingsParser.parse(config, base, null, this::refused);
            state = Reloader.initial(settings);
            LOG.info("TLS ready ({}): {}", String.join(", ", settings.protocols()), state.description());
            registration = new ProviderRegistration(context, this, state);
            schedule();
        }
    }

    @Modified
    public void modified(Config config) {
        synchronized (lock) {
            TlsSettings next = TlsSettingsParser.parse(config, base, settings, this::refused);
            if (next.equals(settings)) {
                return;
            }
            LOG.info("TLS configuration changed: {}", next);
            TlsState loaded = Reloader.reconfigured(next, state);
            settings = next;
            swap(loaded);
            schedule();
        }
    }

    @Deactivate
    public void deactivate() {
        watcher.shutdownNow();
        registration.unregister();
    }

    @Override
    public SSLEngine newServerEngine(InetSocketAddress peer) {
        return state.newEngine(peer);
    }

    @Override
    public String description() {
        return state.description();
    }

    /** The watch task: reload when a file changed (or the generated certificate nears expiry). */
    void check() {
        synchronized (lock) {
            TlsState next = Reloader.onTick(settings, state);
            if (next != state) {
                swap(next);
            }
        }
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
        if (every > 0) {
            watch = watcher.scheduleWithFixedDelay(() -> {
                try {
                    check();
                } catch (RuntimeException e) { // keep watching: one bad tick must not end the task
                    LOG.warn("TLS reload check failed: {}", e.toString(), e);
                }
            }, every, every, TimeUnit.SECONDS);
        }
    }

    private void refused(InvalidSettingException e) {
        // CONVENTIONS.md: name the file, key and allowed values; the previous value stays in force
        LOG.error("Invalid configuration org.mailroot.tls (etc/org.mailroot.tls.cfg): {}={}; allowed: {};"
                + " keeping {}", e.key(), e.value(), e.allowed(), settings == null ? "the default" : "the previous value");
    }
}
