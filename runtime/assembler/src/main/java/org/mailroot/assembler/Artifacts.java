package org.mailroot.assembler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailroot.launcher.feature.MavenPath;
import org.osgi.service.feature.ID;

/**
 * Finds a bundle's jar by its Maven coordinates: in the given repositories (the build's reactor
 * copy first), then the local Maven repository, then from Maven Central through Maven itself
 * ({@code mvn dependency:get}, so the user's settings, mirrors and proxies apply).
 */
final class Artifacts {
    private final List<Path> repositories;
    private final boolean offline;

    Artifacts(List<Path> repositories, boolean offline) {
        List<Path> all = new ArrayList<>(repositories);
        all.add(localRepository());
        this.repositories = List.copyOf(all);
        this.offline = offline;
    }

    Path locate(ID id, String feature) throws IOException, InterruptedException {
        Optional<Path> found = find(id);
        String tried = offline ? " (offline: not downloaded)" : "";
        if (found.isEmpty() && !offline) {
            tried = fetch(id) ? " nor in Maven Central" : " (and no mvn on the PATH to fetch it from Maven Central)";
            found = find(id);
        }
        String why = tried;
        return found.orElseThrow(() -> new IOException("Feature " + feature + ": bundle " + id + " not found in "
                + repositories + why
                + "; a Mailroot bundle must be a dependency of runtime/distribution (so the build makes it)"));
    }

    private Optional<Path> find(ID id) {
        return repositories.stream().map(r -> MavenPath.in(r, id)).filter(Files::isRegularFile).findFirst();
    }

    /** Argument list, no shell: coordinates never reach an interpreter. */
    private boolean fetch(ID id) throws InterruptedException {
        String coords = id.getGroupId() + ":" + id.getArtifactId() + ":" + id.getVersion() + ":"
                + id.getType().orElse("jar") + id.getClassifier().map(c -> ":" + c).orElse("");
        Process p;
        try {
            p = new ProcessBuilder("mvn", "-q", "-B", "dependency:get", "-Dtransitive=false", "-Dartifact=" + coords)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return false; // no Maven on this machine
        }
        p.waitFor();
        return true;
    }

    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
