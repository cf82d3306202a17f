package org.mailroot.assembler;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mailroot.launcher.Mailroot;
import org.mailroot.launcher.feature.EnabledFeatures;
import org.mailroot.launcher.feature.FeatureFiles;
import org.mailroot.launcher.feature.MavenPath;
import org.osgi.service.feature.FeatureBundle;

/**
 * Assembles one distribution: finds every bundle of the features it ships, checks they resolve
 * together (bnd), then writes {@code <archive>-<version>/} and {@code <archive>-<version>.tar.gz}.
 * An existing folder keeps what a running instance made in it (etc/ edits are overwritten by the
 * defaults, as a rebuild always did; mailroot/, logs/, data/ and deploy/ stay).
 */
final class Assembly {
    private static final List<String> REPLACED = List.of("bin", "lib", "system", "features");

    private Assembly() {
    }

    static Path assemble(Composition c, Library library, Path template, Path out, Artifacts artifacts,
            boolean checkOnly, PrintStream log) throws Exception {
        Map<String, Shipped.Entry> shipped = Shipped.of(c, library);
        Map<String, Path> jars = new LinkedHashMap<>(); // feature bundle id -> jar, first feature wins
        for (Shipped.Entry e : shipped.values()) {
            for (FeatureBundle b : e.feature().getBundles()) {
                if (!jars.containsKey(b.getID().toString())) {
                    jars.put(b.getID().toString(), artifacts.locate(b.getID(), e.name()));
                }
            }
        }
        List<ResolveCheck.Jar> check = new ArrayList<>();
        jars.forEach((id, file) -> check.add(new ResolveCheck.Jar(id, file)));
        ResolveCheck.check(framework(template.resolve("lib")), Mailroot.systemPackagesExtra(), check);
        log.printf("%s: %d features, %d bundles resolve (bnd, %s)%n", c.name, shipped.size(), jars.size(), ResolveCheck.EE);
        if (checkOnly) {
            return null;
        }
        Path dist = out.resolve(c.archive() + "-" + c.version());
        for (String dir : REPLACED) {
            Folder.delete(dist.resolve(dir));
        }
        Files.createDirectories(dist);
        Folder.copy(template.resolve("bin"), dist.resolve("bin"));
        try (Stream<Path> scripts = Files.list(dist.resolve("bin"))) {
            for (Path s : (Iterable<Path>) scripts::iterator) {
                Folder.executable(s);
            }
        }
        Folder.copy(template.resolve("lib"), dist.resolve("lib"));
        for (Shipped.Entry e : shipped.values()) {
            for (FeatureBundle b : e.feature().getBundles()) {
                Path target = MavenPath.in(dist.resolve("system"), b.getID());
                Files.createDirectories(target.getParent());
                Files.copy(jars.get(b.getID().toString()), target, StandardCopyOption.REPLACE_EXISTING);
            }
            Path file = dist.resolve("features").resolve(e.name() + ".json");
            Files.createDirectories(file.getParent());
            if (e.changed()) {
                FeatureFiles.write(e.feature(), file);
            } else {
                Files.copy(library.file(e.name()), file);
            }
        }
        Map<String, Object> variables = variables(c, shipped);
        EtcFiles.write(template.resolve("etc"), dist.resolve("etc"), excludedPids(c, library, shipped), variables,
                c.overrides, c.name);
        List<String> enabled = new ArrayList<>(c.enabled);
        shipped.keySet().stream().filter(n -> !c.enabled.contains(n) && !c.available.contains(n)).forEach(enabled::add);
        Files.writeString(dist.resolve("etc").resolve(EnabledFeatures.FILE), EnabledFeatures.text(enabled));
        for (String dir : List.of("deploy", "logs", "mailroot/Pickup", "mailroot/Drop", "mailroot/Queue", "mailroot/BadMail")) {
            Files.createDirectories(dist.resolve(dir));
        }
        Path archive = out.resolve(dist.getFileName() + ".tar.gz");
        Folder.tarGz(dist, archive);
        log.printf("%s: wrote %s and %s (enabled: %s)%n", c.name, dist, archive.getFileName(), String.join(", ", enabled));
        return dist;
    }

    /** Every shipped feature's variables, then the distribution chain's (which win). */
    private static Map<String, Object> variables(Composition c, Map<String, Shipped.Entry> shipped) {
        Map<String, Object> all = new LinkedHashMap<>();
        shipped.values().forEach(e -> all.putAll(e.feature().getVariables()));
        all.putAll(c.variables);
        return all;
    }

    /** Removed configurations, and those that only features left out of this distribution carry. */
    private static Set<String> excludedPids(Composition c, Library library, Map<String, Shipped.Entry> shipped) {
        Set<String> kept = new HashSet<>();
        shipped.values().forEach(e -> kept.addAll(e.feature().getConfigurations().keySet()));
        Set<String> excluded = new HashSet<>();
        library.all().forEach((name, f) -> {
            if (!library.isDistribution(name)) { // a distribution's configurations are overrides, not ownership
                f.getConfigurations().keySet().stream().filter(pid -> !kept.contains(pid)).forEach(excluded::add);
            }
        });
        excluded.removeAll(c.overrides.keySet());
        excluded.addAll(c.removedConfigurations);
        return excluded;
    }

    private static Path framework(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(p -> p.getFileName().toString().startsWith("org.apache.felix.framework-")).findFirst()
                    .orElseThrow(() -> new IOException("No Felix framework jar in " + lib));
        }
    }
}
