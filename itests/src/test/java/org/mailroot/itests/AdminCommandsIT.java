package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Admin;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.Instance;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;

/** bin/mailroot config|server|status|bundle (the real CLI code) against the running server, observed over SMTP. */
class AdminCommandsIT {
    private static final Duration APPLIED = Duration.ofSeconds(10);
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void configSetIsCheckedWrittenToEtcAndVisible() throws Exception {
        Admin admin = new Admin(server.instance());
        String pid = "org.mailroot.listener~default";
        Admin.Cli bad = admin.cli("config", "set", pid, "maxRecipients", "lots");
        assertEquals(1, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("maxRecipients=lots; allowed: an integer"), bad.toString());
        Admin.Cli option = admin.cli("config", "set", "org.mailroot.delivery.local", "format", "mbox");
        assertTrue(option.err().contains("format=mbox; allowed: one of eml, maildir; keeping eml"), option.toString());
        Admin.Cli unknown = admin.cli("config", "set", pid, "maxRecipient", "5");
        assertTrue(unknown.err().contains("allowed keys:") && unknown.err().contains("maxRecipients"), unknown.toString());

        Admin.Cli ok = admin.cli("config", "set", pid, "maxRecipients", "2");
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(Files.readString(server.instance().base().resolve("etc").resolve(Instance.LISTENER_CFG))
                .contains("maxRecipients=2"), "written to the etc/ file");
        Admin.Cli get = admin.cli("config", "get", pid, "maxRecipients");
        assertTrue(get.out().contains("maxRecipients = 2"), get.toString());
        // applied live: the third recipient gets 452 (RFC 5321 §4.5.3.1.8)
        Await.until(APPLIED, "maxRecipients=2 to be in force", () -> {
            try (Smtp smtp = Smtp.open(server.port())) {
                smtp.ehlo();
                smtp.command("MAIL FROM:<a@client.example>");
                smtp.command("RCPT TO:<u1@example.com>");
                smtp.command("RCPT TO:<u2@example.com>");
                return smtp.command("RCPT TO:<u3@example.com>").code() == 452;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    @Test
    void serverPauseRefusesNewConnectionsWhileAnOpenSessionGoesOn() throws Exception {
        Admin admin = new Admin(server.instance());
        try (Smtp open = Smtp.open(server.port())) {
            open.ehlo();
            Admin.Cli pause = admin.cli("server", "pause", "default");
            assertEquals(0, pause.exit(), pause.toString());
            Await.until(APPLIED, "421 for a new connection", () -> Smtp.greeting(server.port(), 3_000) == 421);
            assertTrue(admin.cli("server", "list").out().matches("(?s).*default\\s+paused.*"), "listed as paused");
            assertEquals(250, open.command("MAIL FROM:<a@client.example>").code());
            assertEquals(250, open.command("RCPT TO:<user@example.com>").code());
            assertEquals(250, open.data("Subject: during pause\r\n\r\nstill served").code());
        }
        Admin.Cli unknown = admin.cli("server", "pause", "nosuch");
        assertTrue(unknown.exit() == 1 && unknown.err().contains("configured: default"), unknown.toString());
        assertEquals(0, admin.cli("server", "resume", "default").exit());
        Await.until(APPLIED, "220 after resume", () -> Smtp.greeting(server.port(), 3_000) == 220);
    }

    @Test
    void statusMetricsAndJmxCountMessages() throws Exception {
        Admin admin = new Admin(server.instance());
        int n = 3;
        for (int i = 0; i < n; i++) {
            try (Smtp smtp = Smtp.open(server.port())) {
                smtp.ehlo();
                smtp.command("MAIL FROM:<a@client.example>");
                smtp.command("RCPT TO:<user@example.com>");
                assertEquals(250, smtp.data("Subject: count " + i + "\r\n\r\nbody").code());
                smtp.command("QUIT");
            }
        }
        server.instance().dropFolder().await(n, Duration.ofSeconds(20));
        Await.until(APPLIED, "status to show " + n + " received and delivered", () -> {
            String out = admin.cli("status").out();
            return out.matches("(?s).*default\\s+running\\s+0\\s+" + n + "\\s+" + n + "\\s+0\\s+0.*") ? out : null;
        });
        String metrics = admin.get("/metrics", "Bearer " + admin.token()).body();
        Map<String, Double> m = parse(metrics);
        assertEquals(n, m.get("mailroot_messages_received_total{listener=\"default\"}"), metrics);
        assertEquals(n, m.get("mailroot_deliveries_total{listener=\"default\",result=\"delivered\"}"), metrics);
        assertEquals(0, m.get("mailroot_connections_current{listener=\"default\"}"), metrics);
        assertTrue(m.get("mailroot_received_bytes_total{listener=\"default\"}") > 0, metrics);
        assertEquals(0, m.get("mailroot_queue_length"), metrics);
        ObjectName name = new ObjectName("org.mailroot:type=VirtualServer,name=default");
        var jmx = ManagementFactory.getPlatformMBeanServer();
        assertEquals((long) n, jmx.getAttribute(name, "MessagesReceivedTotal"));
        assertEquals((long) n, jmx.getAttribute(name, "MessagesDeliveredTotal"));
        assertEquals("running", jmx.getAttribute(name, "State"));
    }

    @Test
    void bundleListAndHelp() {
        Admin admin = new Admin(server.instance());
        Admin.Cli list = admin.cli("bundle", "list");
        assertTrue(list.out().matches("(?s).*ACTIVE\\s+org\\.mailroot\\.admin\\s.*"), list.toString());
        for (String cmd : new String[] {"feature", "bundle", "config", "server", "status"}) {
            Admin.Cli help = admin.cli(cmd, "--help");
            assertTrue(help.exit() == 0 && help.out().startsWith("Usage: mailroot " + cmd), help.toString());
        }
        assertEquals(2, admin.cli("config", "set", "only-a-pid").exit(), "usage error");
    }

    @Test
    void binMailrootRunsTheCommandsAgainstTheRunningServer() throws Exception {
        new Admin(server.instance()).url();
        String list = script("server", "list");
        assertTrue(list.matches("(?s).*default\\s+running\\s+127\\.0\\.0\\.1:" + server.port() + ".*"), list);
        assertTrue(script("feature", "--help").startsWith("Usage: mailroot feature list"));
        assertTrue(script("help").contains("config   get PID [KEY]"));
    }

    private String script(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(org.mailroot.itests.harness.Distribution.home().resolve("bin/mailroot").toString());
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("MAILROOT_BASE", server.instance().base().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "bin/mailroot did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The Prometheus text format: "name{labels} value" lines, comments skipped. */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> values = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^([a-z_]+(?:\\{[^}]*\\})?) (\\S+)$").matcher(text);
        while (m.find()) {
            values.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return values;
    }
}
