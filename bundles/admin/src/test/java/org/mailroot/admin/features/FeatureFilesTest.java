package org.mailroot.admin.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.feature.impl.FeatureServiceImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

/** The real feature files through the Felix reader, system/ in both layouts, the enabled line. */
class FeatureFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsTheShippedFeaturesWithTheFelixReader() throws Exception {
        FeatureCatalog catalog = new FeatureCatalog(Path.of("../../features").toAbsolutePath(), new FeatureServiceImpl());
        List<String> admin = FeatureCatalog.bundles(catalog.get("admin"));
        assertTrue(admin.contains("org.apache.felix:org.apache.felix.feature:1.0.2"), admin.toString());
        assertEquals(2580, ((Number) catalog.get("admin").getConfigurations().get("org.mailroot.admin")
                .getValues().get("port")).intValue());
        assertTrue(catalog.all().keySet().containsAll(Set.of("core", "delivery-local", "admin")));
    }

    @Test
    void systemIsAMavenRepositoryWithTheFlatLayoutAsFallback() throws Exception {
        BundleRepository repo = new BundleRepository(dir);
        Path maven = dir.resolve("org/example/filter/1.0.0/filter-1.0.0.jar");
        assertThrows(IllegalStateException.class, () -> repo.locate("org.example:filter:1.0.0"));
        bundle(dir.resolve("filter-1.0.0.jar"), "org.example.filter;singleton:=true", "1.0.0");
        assertEquals(dir.resolve("filter-1.0.0.jar"), repo.locate("org.example:filter:1.0.0"));
        bundle(maven, "org.example.filter", "1.0.0");
        assertEquals(maven, repo.locate("org.example:filter:1.0.0"));
        assertEquals(new BundleRepository.Identity("org.example.filter", Version.parseVersion("1.0.0")),
                BundleRepository.identity(dir.resolve("filter-1.0.0.jar")));
    }

    @Test
    void theEnabledLineIsReadAndRewrittenInPlace() throws Exception {
        Files.writeString(dir.resolve(EnabledFeatures.FILE), "# boot set\nenabled = core, delivery-local\n");
        EnabledFeatures f = new EnabledFeatures(dir);
        assertEquals(List.of("core", "delivery-local"), List.copyOf(f.read().orElseThrow()));
        f.write(new java.util.LinkedHashSet<>(List.of("core", "admin")));
        assertEquals("# boot set\nenabled=core, admin\n", Files.readString(dir.resolve(EnabledFeatures.FILE)));
        assertTrue(new EnabledFeatures(dir.resolve("none")).read().isEmpty());
    }

    private static void bundle(Path jar, String bsn, String version) throws Exception {
        Files.createDirectories(jar.getParent());
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
        m.getMainAttributes().putValue("Bundle-Version", version);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.flush();
        }
    }
}
