package org.mailroot.admin.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.mailroot.admin.ops.EtcFile;

/**
 * The one line {@code enabled = core, delivery-local, ...} of etc/org.mailroot.features.cfg, which
 * the launcher installs at boot (contract with the features work). Written in place, comments kept.
 */
public final class EnabledFeatures {
    public static final String FILE = "org.mailroot.features.cfg";
    static final String KEY = "enabled";
    private final EtcFile file;

    public EnabledFeatures(Path etc) {
        this.file = new EtcFile(etc.resolve(FILE));
    }

    /** The enabled feature names, or empty when the file (or the key) does not exist yet. */
    public Optional<Set<String>> read() throws IOException {
        Properties p = file.read();
        String line = p.getProperty(KEY);
        if (line == null) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(line.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
        return Optional.of(names);
    }

    public void write(Set<String> names) throws IOException {
        if (!Files.exists(file.path())) {
            file.write("# Features installed at boot (names of features/*.json). bin/mailroot feature\n"
                    + "# enable|disable NAME edits this line live; edit it by hand only while stopped.\n");
        }
        file.set(KEY, String.join(", ", names));
    }

    public Path path() {
        return file.path();
    }

    static String text(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
