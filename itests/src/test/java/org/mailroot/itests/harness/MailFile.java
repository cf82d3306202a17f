package org.mailroot.itests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Drop/ .eml file: `x-sender:` and `x-receiver:` lines (the IIS envelope), then the message as
 * received plus the headers the server added. Header lines are unfolded for matching.
 */
public record MailFile(Path path, String xSender, List<String> xReceivers, List<String> headers, String body) {

    public static MailFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] parts = text.split("\r?\n\r?\n", 2);
        List<String> lines = new ArrayList<>();
        for (String line : parts[0].split("\r?\n")) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + line.strip());
            } else {
                lines.add(line);
            }
        }
        String sender = null;
        List<String> receivers = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-sender:")) {
                sender = line.substring(9).strip();
            } else if (lower.startsWith("x-receiver:")) {
                receivers.add(line.substring(11).strip());
            } else {
                headers.add(line);
            }
        }
        return new MailFile(path, sender, receivers, headers, parts.length > 1 ? parts[1] : "");
    }

    /** The value of the first header of that name (case-insensitive), unfolded. */
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    public List<String> headers(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headers.stream()
                .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(h -> h.substring(prefix.length()).strip())
                .toList();
    }

    /** Whether a header of that name (case-insensitive) has exactly that value; the first one counts. */
    public boolean has(String name, String value) {
        return header(name).map(value::equals).orElse(false);
    }

    /** The x-receiver addresses without angle brackets (IIS writes them with or without). */
    public List<String> receivers() {
        return xReceivers.stream().map(r -> r.replaceAll("[<>]", "")).toList();
    }

    /** The first line of the file must be the envelope, as IIS wrote it. */
    public String firstLine() {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
