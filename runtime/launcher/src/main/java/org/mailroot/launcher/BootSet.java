package org.mailroot.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.mailroot.launcher.feature.EnabledFeatures;
import org.mailroot.launcher.feature.FeatureFiles;
import org.mailroot.launcher.feature.MavenPath;
import org.mailroot.launcher.feature.Variables;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What boots: the bundles of the features enabled in etc/org.mailroot.features.cfg, found in
 * system/ (a Maven repository layout), and those features' configurations (variables substituted).
 * Without that file (a distribution made before features, or a hand-made one), every jar under
 * system/ boots, as before.
 */
record BootSet(List<Path> bundles, Map<String, Map<String, Object>> configurations, List<String> features) {
    private static final Logger LOG = LoggerFactory.getLogger(BootSet.class);

    static BootSet of(Layout layout) throws IOException {
        Optional<List<String>> enabled = EnabledFeatures.read(layout.etc());
        if (enabled.isEmpty()) {
            return new BootSet(allJars(layout.system()), Map.of(), List.of());
        }
        Set<Path> bundles = new LinkedHashSet<>();
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        List<String> loaded = new ArrayList<>();
        for (String name : enabled.get()) {
            Path file = layout.features().resolve(name + ".json");
            if (!Files.isRegularFile(file)) {
                LOG.error("Feature {} is enabled in etc/{} but {} does not exist: skipped", name, EnabledFeatures.FILE, file);
                continue;
            }
            Feature feature = FeatureFiles.read(file);
            loaded.add(name);
            for (FeatureBundle b : feature.getBundles()) {
                Optional<Path> jar = locate(layout.system(), b);
                if (jar.isPresent()) {
                    bundles.add(jar.get());
                } else {
                    LOG.error("Feature {}: bundle {} is not in {} (expected {}): skipped", name, b.getID(),
                            layout.system(), MavenPath.of(b.getID()));
                }
            }
            for (FeatureConfiguration c : feature.getConfigurations().values()) {
                Map<String, Object> values = new LinkedHashMap<>();
                c.getValues().forEach((k, v) -> values.put(k, Variables.substitute(v, feature.getVariables())));
                configs.putIfAbsent(c.getPid(), values); // the first enabled feature that names a PID wins
            }
        }
        return new BootSet(List.copyOf(bundles), configs, loaded);
    }

    /** The repository path, else the flat artifactId-version.jar of older distributions. */
    private static Optional<Path> locate(Path system, FeatureBundle b) {
        Path maven = MavenPath.in(system, b.getID());
        if (Files.isRegularFile(maven)) {
            return Optional.of(maven);
        }
        Path flat = system.resolve(b.getID().getArtifactId() + "-" + b.getID().getVersion() + ".jar");
        return Files.isRegularFile(flat) ? Optional.of(flat) : Optional.empty();
    }

    private static List<Path> allJars(Path system) throws IOException {
        try (Stream<Path> files = Files.walk(system)) {
            return files.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
