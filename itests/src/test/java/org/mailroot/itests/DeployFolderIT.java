package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.Messages;
import org.mailroot.itests.harness.PluginJar;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.plugin.VersionTagFilter;

/** docs/plugins.md: a plugin jar dropped into deploy/ is used without restart; removing it removes it. */
class DeployFolderIT {
    private static final Duration APPLIED = Duration.ofSeconds(20);
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void pluginDroppedIntoDeployIsUsedAndRemovedAgain() throws Exception {
        Path jar = server.instance().base().resolve("deploy").resolve("versiontag-1.0.0.jar");
        Files.write(jar, PluginJar.build("1.0.0"));
        Await.until(APPLIED, "a message tagged " + VersionTagFilter.HEADER + ": 1.0.0 after the jar was dropped in deploy/",
                () -> tags().equals(List.of("1.0.0")));

        Files.delete(jar);
        Await.until(APPLIED, "untagged messages after the jar was removed from deploy/", () -> tags().isEmpty());
        assertEquals(List.of(), tags());
    }

    /** Sends one message and returns the plugin tags it was delivered with. */
    private List<String> tags() {
        try {
            MailFile mail = Messages.marker(server.get(), Duration.ofSeconds(20));
            return mail.headers(VersionTagFilter.HEADER);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
