package org.mailroot.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.api.tls.TlsProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The DS component without a framework: self-signed fallback, live reload, refused values. */
class TlsComponentTest {
    @TempDir
    Path base;
    private final List<Dictionary<String, ?>> registered = new CopyOnWriteArrayList<>();
    private final List<String> registeringThreads = new CopyOnWriteArrayList<>();
    private TlsComponent component;

    @AfterEach
    void stop() {
        if (component != null) {
            component.deactivate();
        }
    }

    @Test
    void withoutConfigurationAGeneratedCertificateIsRegisteredAndSaidSo() throws Exception {
        component = start(Map.of("selfSignedName", "mx.itest.example"));
        Dictionary<String, ?> props = registered.get(0);
        assertEquals(Boolean.TRUE, props.get(TlsProvider.PROPERTY_GENERATED));
        String description = (String) props.get(TlsProvider.PROPERTY_CERTIFICATE);
        assertTrue(description.contains("CN=mx.itest.example") && description.contains("self-signed"), description);
        assertTrue(Files.isRegularFile(base.resolve("etc/tls/selfsigned-key.pem")));
        var cert = Handshake.run(Handshake.client(null, null), component.newServerEngine(null));
        assertEquals(List.of("mx.itest.example"), KeyEntry.names(cert));
    }

    @Test
    void replacedFilesServeNewHandshakesWhileEarlierEnginesKeepTheOldCertificate() throws Exception {
        TestCerts.Cert a = TestCerts.create("RSA", "mx.example.org");
        TestCerts.Cert b = TestCerts.create("RSA", "mx.example.org");
        Path live = Files.createDirectories(base.resolve("live"));
        install(live, a);
        component = start(Map.of("certificate", "live", "reloadCheckSeconds", 0));
        SSLEngine before = component.newServerEngine(null);

        install(live, b);
        component.checkNow();
        assertEquals(b.cert(), Handshake.run(Handshake.client(null, null), component.newServerEngine(null)));
        assertEquals(a.cert(), Handshake.run(Handshake.client(null, null), before), "an open session keeps its certificate");
        String description = (String) registered.get(registered.size() - 1).get(TlsProvider.PROPERTY_CERTIFICATE);
        assertTrue(description.contains(live.toString()), description);
    }

    @Test
    void aHalfRenewedPairIsNotUsedUntilItFits() throws Exception {
        TestCerts.Cert a = TestCerts.create("RSA", "mx.example.org");
        TestCerts.Cert b = TestCerts.create("RSA", "mx.example.org");
        Path live = Files.createDirectories(base.resolve("live"));
        install(live, a);
        component = start(Map.of("certificate", "live", "reloadCheckSeconds", 0));

        replace(live.resolve("fullchain.pem"), TestCerts.certPem(b)); // key not yet renewed
        component.checkNow();
        assertEquals(a.cert(), Handshake.run(Handshake.client(null, null), component.newServerEngine(null)));

        replace(live.resolve("privkey.pem"), TestCerts.pkcs8Pem(b));
        component.checkNow();
        assertEquals(b.cert(), Handshake.run(Handshake.client(null, null), component.newServerEngine(null)));
    }

    @Test
    void theWatchTaskReloadsByItself() throws Exception {
        TestCerts.Cert a = TestCerts.create("EC", "mx.example.org");
        TestCerts.Cert b = TestCerts.create("EC", "mx.example.org");
        Path live = Files.createDirectories(base.resolve("live"));
        install(live, a);
        component = start(Map.of("certificate", "live/fullchain.pem", "privateKey", "live/privkey.pem",
                "reloadCheckSeconds", 1));
        install(live, b);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!b.cert().equals(Handshake.run(Handshake.client(null, null), component.newServerEngine(null)))) {
            assertTrue(System.nanoTime() < deadline, "not reloaded within 20 s");
            Thread.sleep(100); // the watch task polls the files; there is no event to wait for
        }
    }

    @Test
    void aBadConfiguredCertificateFallsBackToSelfSignedAndARefusedValueKeepsTheDefault() throws Exception {
        component = start(Map.of("certificate", "missing.pem", "protocols", "TLSv1.1", "selfSignedName", "mx.itest.example"));
        assertEquals(Boolean.TRUE, registered.get(0).get(TlsProvider.PROPERTY_GENERATED));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), List.of(component.newServerEngine(null).getEnabledProtocols()));
    }

    @Test
    void aConfigurationChangeSwitchesToTheConfiguredCertificate() throws Exception {
        component = start(Map.of("selfSignedName", "mx.itest.example"));
        TestCerts.Cert a = TestCerts.create("RSA", "mx.example.org");
        install(Files.createDirectories(base.resolve("live")), a);
        component.modified(config(Map.of("certificate", "live", "protocols", "TLSv1.3")));
        component.awaitIdle();
        assertEquals(a.cert(), Handshake.run(Handshake.client(null, null), component.newServerEngine(null)));
        assertEquals(List.of("TLSv1.3"), List.of(component.newServerEngine(null).getEnabledProtocols()));
        assertEquals(Boolean.FALSE, registered.get(registered.size() - 1).get(TlsProvider.PROPERTY_GENERATED));
    }

    @Test
    void slowWorkNeverRunsOnTheCallersThread() throws Exception {
        TlsComponent c = new TlsComponent();
        component = c;
        c.activate(config(Map.of("selfSignedName", "mx.itest.example")), context(), Map.of("service.pid", "org.mailroot.tls"));
        c.modified(config(Map.of("selfSignedName", "mail.itest.example")));
        c.awaitIdle();
        // the key was made and the service registered on the TLS thread, not on the DS/CM thread
        assertEquals(List.of("mailroot-tls"), registeringThreads);
        assertTrue(c.description().contains("names [mail.itest.example]"), c.description());
    }

    @Test
    void startedBeforeItsConfigurationFileIsDeliveredItWaitsForIt() throws Exception {
        Files.createDirectories(base.resolve("etc"));
        Files.writeString(base.resolve(TlsComponent.CONFIG_FILE), "selfSignedName=mail.itest.example\n");
        TlsComponent c = new TlsComponent();
        component = c;
        c.activate(config(Map.of()), context(), Map.of()); // no service.pid: DS had no configuration yet
        c.awaitIdle();
        assertEquals(List.of(), registered, "nothing made for the host's own name meanwhile");
        c.modified(config(Map.of("selfSignedName", "mail.itest.example")));
        c.awaitIdle();
        assertEquals(1, registered.size());
        assertTrue(c.description().contains("names [mail.itest.example]"), c.description());
    }

    private static void install(Path live, TestCerts.Cert c) throws Exception {
        replace(live.resolve("privkey.pem"), TestCerts.pkcs8Pem(c));
        replace(live.resolve("fullchain.pem"), TestCerts.certPem(c));
    }

    /** As certbot and editors do: a new file moved into place. */
    private static void replace(Path target, String text) throws Exception {
        Path tmp = Files.writeString(target.resolveSibling(target.getFileName() + ".new"), text);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private TlsComponent start(Map<String, Object> values) {
        TlsComponent c = new TlsComponent();
        c.activate(config(values), context(), Map.of("service.pid", "org.mailroot.tls"));
        try {
            c.awaitIdle(); // the certificate is prepared on the TLS thread
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return c;
    }

    /** A config whose unset keys take the annotation defaults, as DS does. */
    private static TlsComponent.Config config(Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>(values);
        return (TlsComponent.Config) Proxy.newProxyInstance(TlsComponent.Config.class.getClassLoader(),
                new Class<?>[] {TlsComponent.Config.class}, (p, m, a) -> v.containsKey(m.getName())
                        ? v.get(m.getName()) : m.getDefaultValue());
    }

    @SuppressWarnings("unchecked")
    private BundleContext context() {
        ServiceRegistration<?> reg = (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                    if (m.getName().equals("setProperties")) {
                        registered.add((Dictionary<String, ?>) a[0]);
                    }
                    return null;
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "registerService" -> {
                        registeringThreads.add(Thread.currentThread().getName());
                        registered.add((Dictionary<String, ?>) a[2]);
                        yield reg;
                    }
                    case "getProperty" -> "mailroot.base".equals(a[0]) ? base.toString() : null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
