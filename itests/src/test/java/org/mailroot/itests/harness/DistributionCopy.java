package org.mailroot.itests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of the distribution (bin, lib, system, features, etc) that a test may extend
 * with its own feature descriptors and bundles without touching the shared one.
 */
public final class DistributionCopy {
    private static final List<String> FOLDERS = List.of("bin", "lib", "system", "features", "etc");

    private DistributionCopy() {
    }

    public static Path create() {
        try {
            Path work = Path.of(System.getProperty("mailroot.itests.work", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(work);
            Path home = Files.createTempDirectory(work, "home-");
            Path from = Distribution.home();
            for (String folder : FOLDERS) {
                try (Stream<Path> files = Files.walk(from.resolve(folder))) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Path to = home.resolve(from.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
                        }
                    }
                }
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
