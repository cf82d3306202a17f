package org.mailroot.assembler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.mailroot.launcher.feature.DistributionSpec;
import org.mailroot.launcher.feature.FeatureFiles;
import org.osgi.service.feature.Feature;

/** The feature files of a folder (features/), by name: the file name without .json. */
final class Library {
    private final Path dir;
    private final Map<String, Feature> features = new LinkedHashMap<>();

    Library(Path dir) throws IOException {
        this.dir = dir;
        if (!Files.isDirectory(dir)) {
            throw new IOException("No feature folder " + dir + " (use --features DIR)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                features.put(FeatureFiles.name(f), FeatureFiles.read(f));
            }
        }
    }

    Path dir() {
        return dir;
    }

    Path file(String name) {
        return dir.resolve(name + ".json");
    }

    Feature get(String name, String neededBy) throws IOException {
        Feature f = features.get(name);
        if (f == null) {
            throw new IOException(neededBy + " names feature \"" + name + "\", which is not in " + dir
                    + " (known: " + String.join(", ", features.keySet()) + ")");
        }
        return f;
    }

    boolean isDistribution(String name) {
        Feature f = features.get(name);
        return f != null && DistributionSpec.of(f).isPresent();
    }

    /** Every feature; distribution features included. */
    Map<String, Feature> all() {
        return features;
    }
}
