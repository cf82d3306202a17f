package org.mailroot.admin.features;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mailroot.admin.http.Json;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureService;

/** The feature descriptors of features/ (OSGi Feature Service JSON), read with the Felix implementation. */
public final class FeatureCatalog {
    private final Path dir;
    private final FeatureService service;

    public FeatureCatalog(Path dir, FeatureService service) {
        this.dir = dir;
        this.service = service;
    }

    /** Every feature by name (the file name without .json). */
    public Map<String, Feature> all() throws IOException {
        Map<String, Feature> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                String name = f.getFileName().toString().replaceFirst("\\.json$", "");
                try (Reader r = Files.newBufferedReader(f)) {
                    out.put(name, Json.withProvider(() -> service.readFeature(r)));
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot read feature " + f + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    public Feature get(String name) throws IOException {
        Map<String, Feature> all = all();
        Feature f = all.get(name);
        if (f == null) {
            throw new NoSuchElementException("No feature " + name + " in " + dir + "; available: " + String.join(", ", all.keySet()));
        }
        return f;
    }

    /** The Maven ids of a feature's bundles, in order. */
    public static List<String> bundles(Feature f) {
        return f.getBundles().stream().map(FeatureBundle::getID).map(Object::toString).toList();
    }
}
