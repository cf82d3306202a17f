package org.mailroot.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the watched files look like now: for each, the real path (certbot renews by pointing the
 * {@code live/} symbolic links at new files in {@code archive/}), size and modification time.
 * Two stamps differ when any file was replaced, rewritten, re-linked, created or removed.
 */
record FileStamps(Map<Path, String> stamps) {
    static final FileStamps NONE = new FileStamps(Map.of());

    static FileStamps of(List<Path> files) {
        Map<Path, String> m = new LinkedHashMap<>();
        for (Path f : files) {
            m.put(f, stamp(f));
        }
        return new FileStamps(Map.copyOf(m));
    }

    private static String stamp(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class); // follows links
            return f.toRealPath() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis() + "|" + a.fileKey();
        } catch (IOException e) {
            return "missing";
        }
    }
}
