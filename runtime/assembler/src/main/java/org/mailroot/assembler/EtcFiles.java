package org.mailroot.assembler;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mailroot.launcher.feature.Variables;

/**
 * The etc/ of an assembled distribution: the template's commented defaults, minus the files of
 * configurations that are removed or belong only to features it does not ship, with variables
 * substituted, and the distribution's configuration overrides written in key by key (the file stays
 * readable; a key it lacks is appended). etc/ is what the server reads: overrides must land there.
 */
final class EtcFiles {
    private EtcFiles() {
    }

    static void write(Path template, Path etc, Set<String> excludedPids, Map<String, Object> variables,
            Map<String, Map<String, Object>> overrides, String source) throws IOException {
        Files.createDirectories(etc);
        if (Files.isDirectory(template)) {
            try (Stream<Path> files = Files.list(template)) {
                for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                    String file = f.getFileName().toString();
                    if (!Files.isRegularFile(f) || excludedPids.contains(pid(file))) {
                        continue;
                    }
                    Files.writeString(etc.resolve(file), Variables.substitute(Files.readString(f), variables));
                }
            }
        }
        for (Map.Entry<String, Map<String, Object>> e : overrides.entrySet()) {
            Path file = etc.resolve(e.getKey() + ".cfg");
            String text = Files.exists(file) ? Files.readString(file)
                    : "# Configuration " + e.getKey() + ", written by the assembler from " + source + "\n";
            for (Map.Entry<String, Object> kv : e.getValue().entrySet()) {
                text = set(text, kv.getKey(), cfgValue(Variables.substitute(kv.getValue(), variables)));
            }
            Files.writeString(file, text);
        }
    }

    /** The PID a file configures: org.mailroot.spool.cfg, org.mailroot.listener~default.cfg. */
    static String pid(String file) {
        return file.endsWith(".cfg") ? file.substring(0, file.length() - 4)
                : file.endsWith(".config") ? file.substring(0, file.length() - 7) : file;
    }

    /** Replaces the active {@code key=...} line, else the commented-out one (#key=...), else appends one. */
    static String set(String text, String key, String value) {
        String replacement = Matcher.quoteReplacement(key + "=" + value);
        for (String prefix : new String[] {"", "#[ \\t]*"}) {
            Matcher m = Pattern.compile("(?m)^[ \\t]*" + prefix + Pattern.quote(key) + "[ \\t]*[=:].*$").matcher(text);
            if (m.find()) {
                return m.replaceFirst(replacement);
            }
        }
        return text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + key + "=" + value + "\n";
    }

    /** java.util.Properties syntax, as FileInstall reads .cfg files; arrays become comma lists. */
    static String cfgValue(Object value) {
        String s;
        if (value != null && value.getClass().isArray()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Array.getLength(value); i++) {
                b.append(i == 0 ? "" : ",").append(Array.get(value, i));
            }
            s = b.toString();
        } else {
            s = String.valueOf(value);
        }
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
