package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailroot.itests.harness.Admin;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.DistributionCopy;
import org.mailroot.itests.harness.InProcessServer;
import org.mailroot.itests.harness.Instance;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.PluginJar;
import org.mailroot.itests.harness.Smtp;
import org.mailroot.itests.plugin.VersionTagFilter;

/**
 * bin/mailroot feature enable|disable of a small feature (the version-tag message filter, from
 * system/ in the Maven layout) while an SMTP session stays open; enabled features survive a restart.
 */
class FeatureLiveIT {
    private static final String FEATURE = "versiontag";
    private static final String PID = "org.mailroot.itests.versiontag";
    private static final Duration DELIVERED = Duration.ofSeconds(20);
    private InProcessServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void enableAndDisableWhileASessionStaysOpenThenSurviveARestart() throws Exception {
        Path home = DistributionCopy.create();
        Path jar = home.resolve("system/org/mailroot/itests/version-tag/1.0.0/version-tag-1.0.0.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, PluginJar.build("1.0.0"));
        Files.writeString(home.resolve("features/" + FEATURE + ".json"), """
                {
                  "feature-resource-version": "1.0",
                  "id": "org.mailroot.itests:versiontag:osgifeature:1.0.0",
                  "name": "Version tag filter (itest)",
                  "bundles": [ { "id": "org.mailroot.itests:version-tag:1.0.0" } ],
                  "configurations": { "%s": { "tag": "live", "level:Integer": 3 } }
                }
                """.formatted(PID));
        Instance instance = Instance.create();
        server = InProcessServer.start(instance, home);
        Admin admin = new Admin(instance);
        Path etc = instance.base().resolve("etc");
        assertTrue(admin.cli("feature", "list").out().matches("(?s).*versiontag\\s+no\\s+0/1.*"), "listed, not enabled");

        try (Smtp open = Smtp.open(server.port())) {
            open.ehlo();
            assertEquals(250, open.command("MAIL FROM:<a@client.example>").code());
            assertEquals(250, open.command("RCPT TO:<user@example.com>").code());

            Admin.Cli enable = admin.cli("feature", "enable", FEATURE);
            assertEquals(0, enable.exit(), enable.toString());
            assertTrue(enable.out().contains(PluginJar.SYMBOLIC_NAME), enable.toString());
            assertTrue(Files.readString(etc.resolve(PID + ".cfg")).contains("tag=live"), "its configuration written");
            assertTrue(Files.readString(etc.resolve("org.mailroot.features.cfg")).contains(FEATURE));

            String first = "first-" + UUID.randomUUID();
            assertEquals(250, open.data("Subject: " + first + "\r\n\r\nwith the feature").code());
            assertEquals("1.0.0", header(instance, first), "the enabled filter ran in the open session");

            Admin.Cli disable = admin.cli("feature", "disable", FEATURE);
            assertEquals(0, disable.exit(), disable.toString());
            assertFalse(admin.cli("bundle", "list").out().contains(PluginJar.SYMBOLIC_NAME), "uninstalled");
            assertFalse(Files.exists(etc.resolve(PID + ".cfg")), "its configuration removed");

            String second = "second-" + UUID.randomUUID();
            assertEquals(250, open.command("MAIL FROM:<a@client.example>").code(), "the session goes on");
            assertEquals(250, open.command("RCPT TO:<user@example.com>").code());
            assertEquals(250, open.data("Subject: " + second + "\r\n\r\nwithout it").code());
            assertEquals("", header(instance, second), "the filter left the chain");
            assertEquals(221, open.command("QUIT").code());
        }
        Admin.Cli core = admin.cli("feature", "disable", "core");
        assertTrue(core.exit() == 1 && core.err().contains("core cannot be disabled"), core.toString());

        assertEquals(0, admin.cli("feature", "enable", FEATURE).exit());
        server.close();
        server = InProcessServer.start(instance, home);
        Admin after = new Admin(instance);
        // the enabled set is read at boot (the launcher or, for bundles it does not know, the admin bundle)
        Await.until(DELIVERED, "versiontag enabled and installed after the restart",
                () -> after.cli("feature", "list").out().matches("(?s).*versiontag\\s+yes\\s+1/1.*")
                        && after.cli("bundle", "list").out().matches("(?s).*ACTIVE\\s+" + PluginJar.SYMBOLIC_NAME.replace(".", "\\.") + ".*"));
        String third = "third-" + UUID.randomUUID();
        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            smtp.command("MAIL FROM:<a@client.example>");
            smtp.command("RCPT TO:<user@example.com>");
            assertEquals(250, smtp.data("Subject: " + third + "\r\n\r\nafter restart").code());
        }
        assertEquals("1.0.0", header(instance, third), "the feature's filter runs after the restart");
    }

    private static String header(Instance instance, String subject) {
        MailFile mail = instance.dropFolder().awaitWith("Subject", subject, DELIVERED);
        return mail.header(VersionTagFilter.HEADER).orElse("");
    }
}
