package org.mailroot.assembler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mailroot.launcher.feature.MavenPath;
import org.osgi.service.feature.Feature;

/** The feature files of this repository (features/): readable, composable, and isp ships them all. */
class RepositoryFeaturesTest {
    private static final Path FEATURES = Path.of("../../features");

    @Test
    void everyFeatureReadsAndEveryDistributionComposes() throws Exception {
        Library library = new Library(FEATURES);
        assertTrue(library.all().keySet().containsAll(List.of("core", "delivery-local", "minimal", "standard", "isp")),
                library.all().keySet().toString());
        for (String d : List.of("minimal", "standard", "isp")) {
            Composition c = Composition.of(d, library.get(d, "test"), library);
            assertTrue(c.enabled.containsAll(List.of("core", "delivery-local")), d + ": " + c.enabled);
        }
        assertEquals(List.of("core", "delivery-local"), List.copyOf(
                Composition.of("minimal", library.get("minimal", "test"), library).enabled));
    }

    @Test
    void ispShipsEveryCapabilityFeature() throws Exception {
        Library library = new Library(FEATURES);
        Set<String> capabilities = new TreeSet<>();
        library.all().keySet().stream().filter(n -> !library.isDistribution(n)).forEach(capabilities::add);
        Composition isp = Composition.of("isp", library.get("isp", "test"), library);
        assertEquals(capabilities, new TreeSet<>(isp.shipped()), "features/isp.json must ship every capability feature");
    }

    @Test
    void mailrootBundlesCarryTheProjectVersion() throws Exception {
        String version = System.getProperty("mailroot.version", "0.1.0-SNAPSHOT");
        for (var e : new Library(FEATURES).all().entrySet()) {
            Feature f = e.getValue();
            f.getBundles().stream().filter(b -> b.getID().getGroupId().equals("org.mailroot")).forEach(b ->
                    assertEquals(version, b.getID().getVersion(), e.getKey() + ": " + MavenPath.key(b.getID())));
        }
        assertTrue(Files.isDirectory(FEATURES));
    }
}
