package org.mailroot.assembler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.launcher.feature.EnabledFeatures;
import org.mailroot.launcher.feature.FeatureFiles;
import org.osgi.service.feature.Feature;

/**
 * The assembler end to end through its command line, on a small feature library of real (tiny)
 * bundles: an ISP file that starts from a distribution, adds a bundle, removes one of ours, removes
 * and overrides configurations and sets a variable; and the failures (unresolvable, missing).
 */
class AssembleTest {
    @TempDir
    Path dir;
    Path repo;
    Path features;
    Path template;
    Path out;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void library() throws IOException {
        repo = dir.resolve("repo");
        features = dir.resolve("features");
        template = dir.resolve("template");
        out = dir.resolve("out");
        TestBundles.bundle(repo, "api", "", "com.example.api;version=1.0");
        TestBundles.bundle(repo, "impl", "com.example.api;version=\"[1,2)\"", "");
        TestBundles.bundle(repo, "unused", "", "");
        TestBundles.bundle(repo, "extra", "", "");
        TestBundles.bundle(repo, "plugin", "com.example.api;version=\"[1,2)\",org.slf4j", "");
        TestBundles.bundle(repo, "broken", "com.example.nowhere", "");
        write(features.resolve("core.json"), """
                {"feature-resource-version": "1.0", "id": "test:core:osgifeature:1.0.0",
                 "variables": {"mailroot.smtp.port": "2525"},
                 "bundles": [{"id": "test:api:1.0.0"}, {"id": "test:impl:1.0.0"}, {"id": "test:unused:1.0.0"}],
                 "configurations": {"test.removed": {"a": "b"}, "org.mailroot.listener~default": {"port": "${mailroot.smtp.port}"}}}
                """);
        write(features.resolve("extra.json"), """
                {"feature-resource-version": "1.0", "id": "test:extra:osgifeature:1.0.0",
                 "bundles": [{"id": "test:extra:1.0.0"}], "configurations": {"test.other": {"x": "y"}}}
                """);
        write(features.resolve("base.json"), """
                {"feature-resource-version": "1.0", "id": "test:base:osgifeature:1.0.0",
                 "extensions": {"mailroot-distribution": {"kind": "mandatory", "type": "json",
                   "json": {"archive": "base", "features": ["core"]}}}}
                """);
        write(template.resolve("bin/mailroot"), "#!/bin/sh\necho mailroot\n");
        Files.createDirectories(template.resolve("lib"));
        Files.copy(TestBundles.framework(), template.resolve("lib/org.apache.felix.framework-7.0.5.jar"));
        write(template.resolve("etc/org.mailroot.listener~default.cfg"),
                "# the default listener\nbindAddress=0.0.0.0\nport=${mailroot.smtp.port}\n#banner=Mailroot\n");
        write(template.resolve("etc/test.removed.cfg"), "a=b\n");
        write(template.resolve("etc/test.other.cfg"), "x=y\n");
        write(template.resolve("etc/logback.xml"), "<configuration/>\n");
    }

    @Test
    void anIspFileAddsRemovesOverridesAndSetsVariables() throws Exception {
        Path isp = write(dir.resolve("isp-mail.json"), """
                {"feature-resource-version": "1.0", "id": "net.isp:isp-mail:osgifeature:2.0.0",
                 "variables": {"mailroot.smtp.port": "2526", "isp.name": "mx.isp.net"},
                 "bundles": [{"id": "test:plugin:1.0.0"}],
                 "configurations": {
                   "org.mailroot.listener~default": {"banner": "${isp.name} ESMTP", "maxRecipients:Integer": 500},
                   "test.plugin": {"greeting": "hello from ${isp.name}"}},
                 "extensions": {"mailroot-distribution": {"kind": "mandatory", "type": "json", "json": {
                   "from": "base",
                   "remove": {"bundles": ["test:unused"], "configurations": ["test.removed"]}}}}}
                """);
        assertEquals(0, run(isp.toString()), stderr.toString());

        Path dist = out.resolve("isp-mail-2.0.0");
        assertTrue(Files.isRegularFile(out.resolve("isp-mail-2.0.0.tar.gz")));
        assertTrue(Files.isExecutable(dist.resolve("bin/mailroot")));
        for (String kept : List.of("api", "impl", "plugin")) {
            assertTrue(Files.isRegularFile(dist.resolve("system/test/" + kept + "/1.0.0/" + kept + "-1.0.0.jar")), kept);
        }
        assertFalse(Files.exists(dist.resolve("system/test/unused")), "removed bundle shipped");
        assertFalse(Files.exists(dist.resolve("system/test/extra")), "bundle of a feature not shipped");
        assertEquals(List.of("core", "isp-mail"), EnabledFeatures.read(dist.resolve("etc")).orElseThrow());

        Feature core = FeatureFiles.read(dist.resolve("features/core.json"));
        assertEquals(2, core.getBundles().size(), "core without the removed bundle");
        assertEquals("2526", core.getVariables().get("mailroot.smtp.port"));
        assertFalse(core.getConfigurations().containsKey("test.removed"));
        assertTrue(Files.readString(dist.resolve("features/core.json")).contains("\"feature-resource-version\""));
        Feature own = FeatureFiles.read(dist.resolve("features/isp-mail.json"));
        assertEquals("test:plugin:1.0.0", own.getBundles().get(0).getID().toString());
        assertFalse(Files.exists(dist.resolve("features/extra.json")));

        String listener = Files.readString(dist.resolve("etc/org.mailroot.listener~default.cfg"));
        assertTrue(listener.contains("\nport=2526\n"), listener);
        assertTrue(listener.contains("\nbanner=mx.isp.net ESMTP\n"), "the commented-out line is set: " + listener);
        assertFalse(listener.contains("#banner"), listener);
        assertTrue(listener.contains("\nmaxRecipients=500\n"), listener);
        assertTrue(listener.startsWith("# the default listener\n"), "comments kept");
        assertEquals("hello from mx.isp.net", props(dist.resolve("etc/test.plugin.cfg")).getProperty("greeting"));
        assertFalse(Files.exists(dist.resolve("etc/test.removed.cfg")), "removed configuration");
        assertFalse(Files.exists(dist.resolve("etc/test.other.cfg")), "configuration of a feature not shipped");
        assertTrue(Files.exists(dist.resolve("etc/logback.xml")));
    }

    @Test
    void aBundleThatDoesNotResolveFailsNamingTheRequirement() throws Exception {
        Path isp = write(dir.resolve("broken.json"), """
                {"feature-resource-version": "1.0", "id": "net.isp:broken:osgifeature:1.0.0",
                 "bundles": [{"id": "test:broken:1.0.0"}],
                 "extensions": {"mailroot-distribution": {"kind": "mandatory", "type": "json", "json": {"from": "base"}}}}
                """);
        assertEquals(1, run(isp.toString()));
        assertTrue(stderr.toString().contains("com.example.nowhere"), stderr.toString());
        assertTrue(stderr.toString().contains("test.broken"), stderr.toString());
        assertFalse(Files.exists(out.resolve("broken-1.0.0")), "nothing written");
    }

    @Test
    void aBundleThatIsNowhereFailsNamingIt() throws Exception {
        Path isp = write(dir.resolve("ghost.json"), """
                {"feature-resource-version": "1.0", "id": "net.isp:ghost:osgifeature:1.0.0",
                 "bundles": [{"id": "test:ghost:9.9.9"}],
                 "extensions": {"mailroot-distribution": {"kind": "mandatory", "type": "json", "json": {"from": "base"}}}}
                """);
        assertEquals(1, run(isp.toString()));
        assertTrue(stderr.toString().contains("test:ghost:9.9.9"), stderr.toString());
    }

    @Test
    void anUnknownFeatureOrAFileWithoutTheExtensionIsExplained() throws Exception {
        Path isp = write(dir.resolve("typo.json"), """
                {"feature-resource-version": "1.0", "id": "net.isp:typo:osgifeature:1.0.0",
                 "extensions": {"mailroot-distribution": {"kind": "mandatory", "type": "json", "json": {"from": "bsae"}}}}
                """);
        assertEquals(1, run(isp.toString()));
        assertTrue(stderr.toString().contains("\"bsae\"") && stderr.toString().contains("base"), stderr.toString());
        stderr.reset();
        assertEquals(1, run("core"));
        assertTrue(stderr.toString().contains("mailroot-distribution"), stderr.toString());
    }

    @Test
    void anIspFileInTheFeatureFolderIsAssembledByName() throws Exception {
        write(features.resolve("by-name.json"), """
                {"feature-resource-version": "1.0", "id": "net.isp:by-name:osgifeature:1.0.0",
                 "configurations": {"test.tuned": {"b": "2"}},
                 "extensions": {"mailroot-distribution": {"kind": "mandatory", "type": "json", "json": {"from": "base"}}}}
                """);
        write(template.resolve("etc/test.tuned.cfg"), "a=1\n#b=1\n");
        assertEquals(0, run("by-name"), stderr.toString());
        // its overrides patch the template's file (a distribution's configurations do not own a PID)
        assertEquals("a=1\nb=2\n", Files.readString(out.resolve("by-name-1.0.0/etc/test.tuned.cfg")));
    }

    @Test
    void checkResolvesAndWritesNothing() throws Exception {
        assertEquals(0, Main.run(new String[] {"--features", features.toString(), "--template", template.toString(),
                "--repo", repo.toString(), "--out", out.toString(), "--offline", "--check", "base"},
                new PrintStream(stdout), new PrintStream(stderr)), stderr.toString());
        assertTrue(stdout.toString().contains("base: 1 features, 3 bundles resolve"), stdout.toString());
        assertFalse(Files.exists(out), "--check wrote something");
    }

    @Test
    void helpAndUsage() {
        assertEquals(0, Main.run(new String[] {"--help"}, new PrintStream(stdout), new PrintStream(stderr)));
        assertTrue(stdout.toString().contains("Usage: assemble"));
        assertEquals(2, Main.run(new String[] {"--bogus"}, new PrintStream(stdout), new PrintStream(stderr)));
        assertTrue(stderr.toString().contains("unknown option --bogus"));
    }

    private int run(String target) {
        return Main.run(new String[] {"--features", features.toString(), "--template", template.toString(),
                "--repo", repo.toString(), "--out", out.toString(), "--offline", target},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private static java.util.Properties props(Path file) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
