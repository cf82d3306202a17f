package org.mailroot.itests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fresh instance directory (mailroot.base) with the etc/*.cfg files a test writes. The files
 * are the single source of truth (stack trap 8); edits are applied live by FileInstall.
 */
public final class Instance {
    public static final String LISTENER_CFG = "org.mailroot.listener~default.cfg";
    public static final String SERVER_NAME = "mx.itest.example";

    public static final String SUBMISSION_CFG = "org.mailroot.listener~submission.cfg";
    public static final String SMTPS_CFG = "org.mailroot.listener~smtps.cfg";
    public static final String TLS_CFG = "org.mailroot.tls.cfg";

    private final Path base;
    private final int port;
    private final int submissionPort;
    private final int smtpsPort;
    private final Map<String, String> listener = new LinkedHashMap<>();

    private Instance(Path base, int port, int submissionPort, int smtpsPort) {
        this.base = base;
        this.port = port;
        this.submissionPort = submissionPort;
        this.smtpsPort = smtpsPort;
    }

    /** A new base in a temp folder, with a listener on a free port and example.com as default domain. */
    public static Instance create(Map<String, String> listenerOverrides) {
        try {
            // under target/ (kept after a failure for its logs, removed by mvn clean)
            Path work = Path.of(System.getProperty("mailroot.itests.work", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(work);
            Path base = Files.createTempDirectory(work, "instance-");
            Instance instance = new Instance(base, Ports.free(), Ports.free(), Ports.free());
            Files.createDirectories(base.resolve("etc"));
            instance.listener.put("name", "default");
            instance.listener.put("bindAddress", "127.0.0.1");
            instance.listener.put("port", Integer.toString(instance.port));
            instance.listener.put("serverName", SERVER_NAME);
            instance.listener.putAll(listenerOverrides);
            instance.writeListener();
            instance.write("org.mailroot.domain~example.com.cfg", Map.of("name", "example.com", "default", "true"));
            // the distribution's submission (2587) and smtps (2465) servers, on free ports (stack trap 11),
            // and a generated certificate named like the server, checked every second for changes
            instance.write(SUBMISSION_CFG, Map.of("name", "submission", "bindAddress", "127.0.0.1",
                    "port", Integer.toString(instance.submissionPort), "serverName", SERVER_NAME,
                    "tls", "starttls", "requireTls", "true"));
            instance.write(SMTPS_CFG, Map.of("name", "smtps", "bindAddress", "127.0.0.1",
                    "port", Integer.toString(instance.smtpsPort), "serverName", SERVER_NAME, "tls", "implicit"));
            instance.write(TLS_CFG, Map.of("selfSignedName", SERVER_NAME, "reloadCheckSeconds", "1"));
            instance.write("org.mailroot.spool.cfg", Map.of("root", "mailroot"));
            instance.write("org.mailroot.delivery.local.cfg", Map.of("format", "eml", "acceptUnknownUsers", "true"));
            // the launcher copies the distribution's other etc/ defaults on first boot (logback.xml,
            // the localhost domain, which is marked default there): keep localhost, not as default
            instance.write("org.mailroot.domain~localhost.cfg", Map.of("name", "localhost", "default", "false"));
            // the admin endpoint on an ephemeral port (written to data/admin.url), never 2580
            instance.write("org.mailroot.admin.cfg", Map.of("bindAddress", "127.0.0.1", "port", "0"));
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Instance create() {
        return create(Map.of());
    }

    public Path base() {
        return base;
    }

    public int port() {
        return port;
    }

    /** The submission virtual server (STARTTLS required). */
    public int submissionPort() {
        return submissionPort;
    }

    /** The smtps virtual server (implicit TLS). */
    public int smtpsPort() {
        return smtpsPort;
    }

    /** The self-signed certificate the TLS bundle generated at the first start (PEM). */
    public Path generatedCertificate() {
        return base.resolve("etc").resolve("tls").resolve("selfsigned-cert.pem");
    }

    public Path drop() {
        return base.resolve("mailroot").resolve("Drop");
    }

    public Path queue() {
        return base.resolve("mailroot").resolve("Queue");
    }

    public MailFolder dropFolder() {
        return new MailFolder(drop());
    }

    /** Changes one listener key live (the file is replaced atomically so FileInstall never reads half of it). */
    public void setListener(String key, String value) {
        listener.put(key, value);
        writeListener();
    }

    private void writeListener() {
        write(LISTENER_CFG, listener);
    }

    public void write(String fileName, Map<String, String> properties) {
        String text = properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Path etc = base.resolve("etc");
        Path tmp = etc.resolve("." + fileName + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, etc.resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "instance " + base + " (port " + port + ")";
    }
}
