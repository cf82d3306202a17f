package org.mailroot.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which bundles and configurations boot, from etc/org.mailroot.features.cfg and features/. */
class BootSetTest {
    @TempDir
    Path home;
    Layout layout;

    @BeforeEach
    void distribution() throws IOException {
        layout = new Layout(home, home);
        write("features/core.json", """
                {"feature-resource-version": "1.0", "id": "org.mailroot:core:osgifeature:1",
                 "variables": {"port": "2525"},
                 "bundles": [{"id": "g.x:a:1.0"}, {"id": "g.x:b:2.0"}],
                 "configurations": {"org.mailroot.listener~default": {"port": "${port}", "max:Integer": 5}, "p.one": {"k": "core"}}}
                """);
        write("features/extra.json", """
                {"feature-resource-version": "1.0", "id": "org.mailroot:extra:osgifeature:1",
                 "bundles": [{"id": "g.x:b:2.0"}, {"id": "g.y:c:3.0"}], "configurations": {"p.one": {"k": "extra"}}}
                """);
        write("system/g/x/a/1.0/a-1.0.jar", "");
        write("system/g/x/b/2.0/b-2.0.jar", "");
        write("system/c-3.0.jar", ""); // the flat layout of older distributions still boots
        write("system/g/z/unlisted/1/unlisted-1.jar", "");
    }

    @Test
    void enabledFeaturesBootExactlyTheirBundlesOnce() throws IOException {
        write("etc/org.mailroot.features.cfg", "# comment\nenabled = core, extra\n");
        BootSet boot = BootSet.of(layout);
        assertEquals(List.of("core", "extra"), boot.features());
        assertEquals(List.of(home.resolve("system/g/x/a/1.0/a-1.0.jar"), home.resolve("system/g/x/b/2.0/b-2.0.jar"),
                home.resolve("system/c-3.0.jar")), boot.bundles());
        assertEquals("2525", boot.configurations().get("org.mailroot.listener~default").get("port"), "variable substituted");
        assertEquals(5, boot.configurations().get("org.mailroot.listener~default").get("max"), "typed value kept");
        assertEquals("core", boot.configurations().get("p.one").get("k"), "the first enabled feature naming a PID wins");
    }

    @Test
    void aDisabledFeatureBringsNothing() throws IOException {
        write("etc/org.mailroot.features.cfg", "enabled=core\n");
        BootSet boot = BootSet.of(layout);
        assertEquals(2, boot.bundles().size());
        assertFalse(boot.bundles().contains(home.resolve("system/c-3.0.jar")));
    }

    @Test
    void aMissingFeatureOrBundleIsSkippedNotFatal() throws IOException {
        write("etc/org.mailroot.features.cfg", "enabled = core, nosuch\n");
        Files.delete(home.resolve("system/g/x/b/2.0/b-2.0.jar"));
        BootSet boot = BootSet.of(layout);
        assertEquals(List.of("core"), boot.features());
        assertEquals(List.of(home.resolve("system/g/x/a/1.0/a-1.0.jar")), boot.bundles());
    }

    @Test
    void withoutTheFileEveryJarOfSystemBoots() throws IOException {
        BootSet boot = BootSet.of(layout);
        assertTrue(boot.features().isEmpty());
        assertEquals(4, boot.bundles().size());
        assertTrue(boot.configurations().isEmpty());
    }

    @Test
    void etcFilesWinOverFeatureConfigurations() throws IOException {
        write("etc/org.mailroot.listener~default.cfg", "port=1\n");
        write("etc/p.dashed-name.cfg", "x=1\n");
        assertTrue(FeatureConfigs.inEtc(layout.etc(), "org.mailroot.listener~default"));
        assertTrue(FeatureConfigs.inEtc(layout.etc(), "p.dashed~name"), "FileInstall's older factory file name");
        assertFalse(FeatureConfigs.inEtc(layout.etc(), "p.one"));
    }

    private void write(String path, String text) throws IOException {
        Path file = home.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
