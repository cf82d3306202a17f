package org.mailroot.assembler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailroot.launcher.feature.FeatureFiles;
import org.mailroot.launcher.feature.MavenPath;
import org.osgi.service.feature.BuilderFactory;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBuilder;
import org.osgi.service.feature.FeatureBundle;

/**
 * The feature files a distribution ships, as the running server will read them: the library's
 * features with the distribution's removals applied and its variables set, plus the distribution's
 * own bundles as one more feature named after it. Untouched features are copied as written.
 */
final class Shipped {
    /** A shipped feature: its name, the feature, and whether it differs from the library file. */
    record Entry(String name, Feature feature, boolean changed) {
    }

    private Shipped() {
    }

    static Map<String, Entry> of(Composition c, Library library) throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (String name : c.shipped()) {
            Feature f = library.get(name, "Distribution " + c.name);
            List<FeatureBundle> bundles = f.getBundles().stream()
                    .filter(b -> !c.removedBundles.contains(MavenPath.key(b.getID()))).toList();
            Map<String, Object> vars = new LinkedHashMap<>(f.getVariables());
            vars.replaceAll((k, v) -> c.variables.getOrDefault(k, v));
            boolean changed = bundles.size() != f.getBundles().size() || !vars.equals(f.getVariables())
                    || f.getConfigurations().keySet().stream().anyMatch(c.removedConfigurations::contains);
            out.put(name, new Entry(name, changed ? rebuild(f, bundles, vars, c) : f, changed));
        }
        Optional<Entry> own = own(c);
        if (own.isPresent()) {
            if (out.containsKey(c.name)) {
                throw new IOException("Distribution " + c.name + " adds bundles as a feature named \"" + c.name
                        + "\", but a shipped feature already has that name: rename the file");
            }
            out.put(c.name, own.get());
        }
        return out;
    }

    private static Feature rebuild(Feature f, List<FeatureBundle> bundles, Map<String, Object> vars, Composition c) {
        FeatureBuilder b = FeatureFiles.service().getBuilderFactory().newFeatureBuilder(f.getID());
        f.getName().ifPresent(b::setName);
        f.getDescription().ifPresent(b::setDescription);
        f.getDocURL().ifPresent(b::setDocURL);
        f.getVendor().ifPresent(b::setVendor);
        f.getLicense().ifPresent(b::setLicense);
        f.getSCM().ifPresent(b::setSCM);
        b.setComplete(f.isComplete());
        b.addCategories(f.getCategories().toArray(String[]::new));
        b.addBundles(bundles.toArray(FeatureBundle[]::new));
        f.getConfigurations().values().stream().filter(cfg -> !c.removedConfigurations.contains(cfg.getPid()))
                .forEach(b::addConfigurations);
        f.getExtensions().values().forEach(b::addExtensions);
        b.addVariables(vars);
        return b.build();
    }

    /** The distribution's own bundles (an ISP's plugins) as a feature of their own, enabled last. */
    private static Optional<Entry> own(Composition c) {
        if (c.ownBundles.isEmpty()) {
            return Optional.empty();
        }
        BuilderFactory factory = FeatureFiles.service().getBuilderFactory();
        FeatureBuilder b = factory.newFeatureBuilder(c.root.getID());
        b.setName(c.root.getName().orElse(c.name));
        b.setDescription("The bundles " + c.name + " adds to the distribution it starts from.");
        b.addBundles(c.ownBundles.values().toArray(FeatureBundle[]::new));
        return Optional.of(new Entry(c.name, b.build(), true));
    }
}
