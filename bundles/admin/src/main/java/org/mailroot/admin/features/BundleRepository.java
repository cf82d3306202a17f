package org.mailroot.admin.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.osgi.framework.Version;

/**
 * system/ as a bundle repository: the local Maven layout
 * ({@code group/path/artifact/version/artifact-version[-classifier].jar}) first, then the flat
 * {@code artifact-version.jar} of earlier distributions.
 */
public final class BundleRepository {
    /** A bundle's identity as the framework sees it. */
    public record Identity(String symbolicName, Version version) {
        @Override
        public String toString() {
            return symbolicName + " " + version;
        }
    }

    private final Path system;

    public BundleRepository(Path system) {
        this.system = system;
    }

    /** The places a Maven id (group:artifact[:type[:classifier]]:version or g:a:v) is looked for. */
    public List<Path> candidates(String mavenId) {
        String[] p = mavenId.split(":");
        if (p.length < 3) {
            throw new IllegalArgumentException("not a Maven id: " + mavenId);
        }
        String group = p[0];
        String artifact = p[1];
        String version = p[p.length - 1];
        String classifier = p.length == 5 ? "-" + p[3] : "";
        String file = artifact + "-" + version + classifier + ".jar";
        return List.of(system.resolve(group.replace('.', '/')).resolve(artifact).resolve(version).resolve(file),
                system.resolve(file));
    }

    /** The jar of a Maven id; IllegalStateException naming where it was looked for. */
    public Path locate(String mavenId) {
        List<Path> places = candidates(mavenId);
        return places.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new IllegalStateException(
                "Bundle " + mavenId + " is not in the distribution (looked for " + places.get(0) + " and " + places.get(1) + ")"));
    }

    public static Identity identity(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            var main = j.getManifest() == null ? null : j.getManifest().getMainAttributes();
            String bsn = main == null ? null : main.getValue("Bundle-SymbolicName");
            if (bsn == null) {
                throw new IOException(jar + " is not an OSGi bundle (no Bundle-SymbolicName)");
            }
            return new Identity(bsn.split(";")[0].strip(), Version.parseVersion(main.getValue("Bundle-Version")));
        }
    }
}
