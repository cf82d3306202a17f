package org.mailroot.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders of a distribution (home: lib/, system/, etc/ defaults) and of an instance
 * (base: etc/, deploy/, logs/, data/, mailroot/). Design §6.
 */
public final class Layout {
    /** The Mailroot folders, named as in IIS (see org.mailroot.api.spool.Folder). */
    public static final List<String> MAILROOT_FOLDERS = List.of("Pickup", "Drop", "Queue", "BadMail");

    private final Path home;
    private final Path base;

    Layout(Path home, Path base) {
        this.home = home.toAbsolutePath().normalize();
        this.base = base.toAbsolutePath().normalize();
    }

    public Path home() {
        return home;
    }

    public Path base() {
        return base;
    }

    public Path etc() {
        return base.resolve("etc");
    }

    public Path deploy() {
        return base.resolve("deploy");
    }

    public Path logs() {
        return base.resolve("logs");
    }

    public Path data() {
        return base.resolve("data");
    }

    /** Felix's bundle cache; wiped at every boot so etc/ is the only configuration source. */
    public Path cache() {
        return data().resolve("cache");
    }

    /** The bundles of the distribution, in a Maven repository layout (groupId/artifactId/version/). */
    public Path system() {
        return home.resolve("system");
    }

    /** The feature files the distribution ships (OSGi Feature Service JSON), by name. */
    public Path features() {
        return home.resolve("features");
    }

    /**
     * Creates the instance folders. On the first boot of an instance (no data/initialized yet)
     * each default file of home/etc that the instance lacks is copied, so a test may pre-write one
     * file (a listener port) and still get the other defaults; a default deleted later stays deleted.
     */
    void prepare() throws IOException {
        Path marker = data().resolve("initialized");
        boolean firstBoot = !Files.exists(marker);
        for (Path dir : List.of(etc(), deploy(), logs(), data())) {
            Files.createDirectories(dir);
        }
        Path defaults = home.resolve("etc");
        if (firstBoot && !defaults.equals(etc()) && Files.isDirectory(defaults)) {
            try (Stream<Path> files = Files.list(defaults)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = etc().resolve(file.getFileName().toString());
                    if (Files.isRegularFile(file) && !Files.exists(target)) {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        if (firstBoot) {
            Files.writeString(marker, "etc/ defaults copied from " + home.resolve("etc") + "\n");
        }
        Path root = MailrootFolders.root(this);
        for (String folder : MAILROOT_FOLDERS) {
            Files.createDirectories(root.resolve(folder));
        }
    }
}
