package org.mailroot.admin.ops;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * One etc/*.cfg file, edited in place: the key's line is replaced (comments and the other lines
 * stay) or appended, and the file is replaced atomically so FileInstall never reads half of it.
 */
public record EtcFile(Path path) {

    public Properties read() throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(path)) {
            p.load(new StringReader(Files.readString(path, StandardCharsets.UTF_8)));
        }
        return p;
    }

    public void set(String key, String value) throws IOException {
        if (value.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("a value may not contain line breaks or control characters");
        }
        Pattern line = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        List<String> lines = Files.isRegularFile(path)
                ? new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8)) : new ArrayList<>();
        String entry = key + "=" + escape(value);
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (line.matcher(lines.get(i)).matches()) {
                lines.set(i, entry);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(entry);
        }
        write(String.join("\n", lines) + "\n");
    }

    public void write(String text) throws IOException {
        Files.createDirectories(path.getParent());
        Path tmp = path.resolveSibling("." + path.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** java.util.Properties escaping of a value: backslashes, and leading blanks kept. */
    static String escape(String value) {
        String v = value.replace("\\", "\\\\");
        return v.startsWith(" ") ? "\\" + v : v;
    }
}
