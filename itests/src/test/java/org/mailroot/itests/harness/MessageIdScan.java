package org.mailroot.itests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the Message-IDs present in a folder tree, whatever the file format (the spool's Queue/
 * files are its own business): counts how many files hold each id.
 */
public final class MessageIdScan {
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>");

    private MessageIdScan() {
    }

    /** Drop/: only the complete .eml files (a writer's partial files live in the hidden Drop/.tmp/). */
    public static Map<String, Integer> drop(Path drop) {
        return scan(drop, false);
    }

    /** Queue/: every file of the tree but temporary ones (*.tmp are not yet committed), whatever the spool's layout. */
    public static Map<String, Integer> tree(Path root) {
        return scan(root, true);
    }

    private static Map<String, Integer> scan(Path root, boolean recursive) {
        Map<String, Integer> found = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = recursive ? Files.walk(root) : Files.list(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> recursive ? !p.getFileName().toString().endsWith(".tmp")
                            : p.getFileName().toString().endsWith(".eml")).toList();
        } catch (NoSuchFileException e) {
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String text;
            try {
                text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (NoSuchFileException e) {
                continue; // moved between listing and reading (delivered meanwhile)
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher m = MESSAGE_ID.matcher(text);
            while (m.find()) {
                found.merge(m.group(1), 1, Integer::sum);
            }
        }
        return found;
    }
}
