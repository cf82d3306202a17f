package org.mailroot.assembler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailroot.launcher.feature.DistributionSpec;
import org.mailroot.launcher.feature.MavenPath;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;

/**
 * A distribution feature (ours or an ISP's file) unfolded along its {@code from} chain: the
 * capability features it ships (enabled or only available), what it removes, its own bundles,
 * configuration overrides and variables. Later links of the chain win.
 */
final class Composition {
    final String name;
    final Feature root;
    final Set<String> enabled = new LinkedHashSet<>();
    final Set<String> available = new LinkedHashSet<>();
    final Set<String> removedBundles = new HashSet<>();
    final Set<String> removedConfigurations = new HashSet<>();
    /** The chain's own bundles, by groupId:artifactId (a later link replaces an earlier version). */
    final Map<String, FeatureBundle> ownBundles = new LinkedHashMap<>();
    /** The chain's own configurations, key by key: written into etc/. */
    final Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
    final Map<String, Object> variables = new LinkedHashMap<>();

    private Composition(String name, Feature root) {
        this.name = name;
        this.root = root;
    }

    static Composition of(String name, Feature root, Library library) throws IOException {
        Composition c = new Composition(name, root);
        c.apply(name, root, library, new ArrayList<>());
        c.available.removeAll(c.enabled);
        for (String f : c.shipped()) {
            Feature feature = library.get(f, "Distribution " + name);
            if (DistributionSpec.of(feature).isPresent()) {
                throw new IOException("Distribution " + name + " lists \"" + f + "\" as a feature, but it is a "
                        + "distribution: name it in \"from\"");
            }
        }
        return c;
    }

    private void apply(String name, Feature f, Library library, List<String> chain) throws IOException {
        if (chain.contains(name)) {
            throw new IOException("Distribution " + name + " starts from itself: " + chain);
        }
        chain.add(name);
        DistributionSpec spec = DistributionSpec.of(f).orElseThrow(() -> new IOException(name + " is not a "
                + "distribution: it has no \"" + DistributionSpec.EXTENSION + "\" extension (see docs/features.md)"));
        if (spec.from().isPresent()) {
            String from = spec.from().get();
            apply(from, library.get(from, "Distribution " + name), library, chain);
        }
        enabled.addAll(spec.features());
        available.addAll(spec.available());
        spec.removeFeatures().forEach(enabled::remove);
        spec.removeFeatures().forEach(available::remove);
        removedBundles.addAll(spec.removeBundles());
        removedConfigurations.addAll(spec.removeConfigurations());
        spec.removeConfigurations().forEach(overrides::remove);
        for (FeatureBundle b : f.getBundles()) {
            ownBundles.put(MavenPath.key(b.getID()), b);
        }
        for (FeatureConfiguration cfg : f.getConfigurations().values()) {
            overrides.computeIfAbsent(cfg.getPid(), k -> new LinkedHashMap<>()).putAll(cfg.getValues());
            removedConfigurations.remove(cfg.getPid());
        }
        variables.putAll(f.getVariables());
    }

    /** Enabled, then available: every capability feature whose bundles go into system/. */
    List<String> shipped() {
        List<String> all = new ArrayList<>(enabled);
        all.addAll(available);
        return all;
    }

    String archive() {
        return DistributionSpec.of(root).flatMap(DistributionSpec::archive).orElse(root.getID().getArtifactId());
    }

    String version() {
        return root.getID().getVersion();
    }
}
