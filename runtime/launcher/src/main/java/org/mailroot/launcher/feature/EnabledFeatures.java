package org.mailroot.launcher.feature;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code etc/org.mailroot.features.cfg}: the one line {@code enabled = core, delivery-local, ...}
 * naming the features (file names in features/ without .json) that boot. The admin bundle edits it
 * to enable or disable a feature live; the launcher reads it at boot.
 */
public final class EnabledFeatures {
    public static final String PID = "org.mailroot.features";
    public static final String FILE = PID + ".cfg";
    public static final String KEY = "enabled";

    private EnabledFeatures() {
    }

    /** The enabled feature names, in order; empty if the file or its key is missing. */
    public static Optional<List<String>> read(Path etc) throws IOException {
        Path file = etc.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        String value = p.getProperty(KEY);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList());
    }

    /** The file's text for these names, with the comment that tells an operator what it does. */
    public static String text(List<String> names) {
        return "# The features that boot (file names in features/ without .json), comma separated.\n"
                + "# bin/mailroot feature enable|disable NAME edits this line on a running server;\n"
                + "# an edit by hand takes effect at the next start. The launcher installs exactly the\n"
                + "# bundles of these features from system/.\n"
                + KEY + " = " + String.join(", ", names) + "\n";
    }
}
