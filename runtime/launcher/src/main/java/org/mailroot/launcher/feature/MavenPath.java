package org.mailroot.launcher.feature;

import java.nio.file.Path;
import org.osgi.service.feature.ID;

/**
 * Where a bundle lives in a Maven repository layout (system/ of a distribution, ~/.m2):
 * {@code groupId/as/path/artifactId/version/artifactId-version[-classifier].jar}.
 */
public final class MavenPath {
    private MavenPath() {
    }

    public static String of(ID id) {
        String type = id.getType().orElse("jar");
        String classifier = id.getClassifier().map(c -> "-" + c).orElse("");
        return id.getGroupId().replace('.', '/') + "/" + id.getArtifactId() + "/" + id.getVersion() + "/"
                + id.getArtifactId() + "-" + id.getVersion() + classifier + "." + type;
    }

    public static Path in(Path repository, ID id) {
        return repository.resolve(of(id));
    }

    /** groupId:artifactId (no version): how removals and messages name a bundle. */
    public static String key(ID id) {
        return id.getGroupId() + ":" + id.getArtifactId();
    }
}
