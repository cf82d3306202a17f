package org.mailroot.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Dictionary;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.launcher.ListenerInfo;
import org.mailroot.launcher.Mailroot;
import org.mailroot.launcher.feature.EnabledFeatures;
import org.mailroot.launcher.feature.FeatureFiles;
import org.mailroot.launcher.feature.MavenPath;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.feature.Feature;

/** Boots the assembled distribution in-process on a fresh instance and a free port. */
class DistributionSmokeIT {
    private static final Path DIST = Paths.get(System.getProperty("mailroot.dist"));

    @Test
    void startsGreetsAndStops(@TempDir Path base) throws Exception {
        int port = freePort();
        Files.createDirectories(base.resolve("etc"));
        Files.writeString(base.resolve("etc/org.mailroot.listener~default.cfg"),
                "name=default\nbindAddress=127.0.0.1\nport=" + port + "\n");
        // the admin endpoint on an ephemeral port, never the shared default 2580
        Files.writeString(base.resolve("etc/org.mailroot.admin.cfg"), "port=0\n");
        // the default submission (2587) and smtps (2465) servers, moved to free ports
        Files.writeString(base.resolve("etc/org.mailroot.listener~submission.cfg"),
                "name=submission\nbindAddress=127.0.0.1\nport=" + freePort() + "\ntls=starttls\nrequireTls=true\n");
        Files.writeString(base.resolve("etc/org.mailroot.listener~smtps.cfg"),
                "name=smtps\nbindAddress=127.0.0.1\nport=" + freePort() + "\ntls=implicit\n");

        Mailroot mailroot = Mailroot.start(DIST, base, Map.of());
        try {
            for (Bundle b : mailroot.framework().getBundleContext().getBundles()) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " is not active");
                }
            }
            List<ListenerInfo> up = mailroot.awaitListeners(l -> l.size() == 3, Duration.ofSeconds(30));
            assertEquals(List.of("default", "smtps", "submission"), up.stream().map(ListenerInfo::name).toList(),
                    "the MX, submission and smtps virtual servers");
            assertTrue(up.get(0).ports().contains(port), "listener reports " + up.get(0).addresses());
            assertEquals("starttls required", listenerTls(mailroot, "submission"), "the submission server requires TLS");
            assertEquals("implicit", listenerTls(mailroot, "smtps"));
            assertEquals("starttls", listenerTls(mailroot, "default"));
            // the TLS bundle makes its key on its own thread: wait for its service (bounded)
            var context = mailroot.framework().getBundleContext();
            var tls = new org.osgi.util.tracker.ServiceTracker<Object, Object>(context,
                    context.createFilter("(mailroot.tls.generated=true)"), null);
            tls.open(true);
            try {
                assertTrue(tls.waitForService(30_000) != null, "the TLS bundle runs on a generated certificate");
            } finally {
                tls.close();
            }
            assertTrue(Files.isRegularFile(base.resolve("etc/tls/selfsigned-cert.pem")));
            try (Socket socket = connect(port, Duration.ofSeconds(10))) {
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                assertTrue(in.readLine().startsWith("220"), "greeting (RFC 5321 4.3.1)");
                OutputStream out = socket.getOutputStream();
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertTrue(in.readLine().startsWith("221"), "QUIT reply (RFC 5321 4.1.1.10)");
            }
        } finally {
            mailroot.close();
        }
        assertEquals(Bundle.RESOLVED, mailroot.framework().getState(), "framework stopped");
        // first boot of a fresh instance: folders made, the other defaults copied
        for (String folder : List.of("Pickup", "Drop", "Queue", "BadMail")) {
            assertTrue(Files.isDirectory(base.resolve("mailroot").resolve(folder)), folder);
        }
        assertTrue(Files.isRegularFile(base.resolve("etc/org.mailroot.spool.cfg")));
        assertTrue(Files.readString(base.resolve("etc/org.mailroot.listener~default.cfg")).contains("port=" + port));
    }

    @Test
    void systemHoldsExactlyTheBundlesOfTheEnabledFeaturesInAMavenLayout() throws IOException {
        List<String> enabled = EnabledFeatures.read(DIST.resolve("etc")).orElseThrow();
        assertTrue(enabled.containsAll(List.of("core", "delivery-local")), enabled.toString());
        Set<Path> expected = new TreeSet<>();
        for (String name : enabled) {
            Feature f = FeatureFiles.read(DIST.resolve("features").resolve(name + ".json"));
            f.getBundles().forEach(b -> expected.add(MavenPath.in(DIST.resolve("system"), b.getID())));
        }
        Set<Path> jars;
        try (var files = Files.walk(DIST.resolve("system"))) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(expected, jars);
        assertTrue(Files.isRegularFile(DIST.resolveSibling(DIST.getFileName() + ".tar.gz")), "the archive beside the folder");
    }

    /**
     * The launcher's side of the features contract: only the enabled features' bundles boot, and a
     * feature's configuration is applied where etc/ has no file for its PID (etc/ wins where it has).
     */
    @Test
    void enabledFeaturesBootAndTheirConfigurationsFillWhatEtcLacks(@TempDir Path base) throws Exception {
        Files.createDirectories(base.resolve("etc"));
        Files.createDirectories(base.resolve("data"));
        Files.writeString(base.resolve("data/initialized"), "no defaults copied: this test writes etc/ itself\n");
        Files.writeString(base.resolve("etc/org.mailroot.listener~default.cfg"),
                "name=default\nbindAddress=127.0.0.1\nport=" + freePort() + "\n");
        Files.writeString(base.resolve("etc/org.mailroot.delivery.local.cfg"), "format=maildir\n");
        Files.writeString(base.resolve("etc/" + EnabledFeatures.FILE), "enabled = core, delivery-local\n");
        Mailroot mailroot = Mailroot.start(DIST, base, Map.of());
        try {
            assertEquals(List.of("core", "delivery-local"), mailroot.features());
            BundleContext context = mailroot.framework().getBundleContext();
            // no etc/org.mailroot.spool.cfg: core.json's configuration, typed as the feature says
            Dictionary<String, Object> spool = configuration(context, "org.mailroot.spool");
            assertEquals(48, spool.get("expireHours"));
            assertEquals("mailroot", spool.get("root"));
            assertEquals(null, spool.get("felix.fileinstall.filename"), "from the feature, not from a file");
            // etc/ has the local delivery file: its value, not delivery-local.json's "eml"
            assertEquals("maildir", configuration(context, "org.mailroot.delivery.local").get("format"));
        } finally {
            mailroot.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Dictionary<String, Object> configuration(BundleContext context, String pid) throws Exception {
        ServiceReference<?> ref = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        assertNotNull(ref, "Configuration Admin");
        Object cm = context.getService(ref);
        try {
            Class<?> cmType = ref.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
            Object[] found = (Object[]) cmType.getMethod("listConfigurations", String.class)
                    .invoke(cm, "(service.pid=" + pid + ")");
            assertNotNull(found, "no configuration " + pid);
            return (Dictionary<String, Object>) ref.getBundle().loadClass("org.osgi.service.cm.Configuration")
                    .getMethod("getProperties").invoke(found[0]);
        } finally {
            context.ungetService(ref);
        }
    }

    /** The mailroot.listener.tls property of a virtual server's service. */
    private static Object listenerTls(Mailroot mailroot, String name) throws Exception {
        var refs = mailroot.framework().getBundleContext().getAllServiceReferences(null,
                "(&(mailroot.listener=" + name + ")(mailroot.listener.tls=*))");
        return refs == null ? null : refs[0].getProperty("mailroot.listener.tls");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Socket connect(int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                socket.setSoTimeout(10_000);
                return socket;
            } catch (ConnectException e) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100); // a port has no readiness event to await
            }
        }
    }
}
