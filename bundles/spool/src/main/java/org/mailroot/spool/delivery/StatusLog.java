package org.mailroot.spool.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mailroot.spool.queue.Tokens;

/**
 * The per-message delivery record {@code Queue/<id>.sts}: append-only text, fsynced after each
 * attempt, so a route once delivered (or failed permanently) is never tried again after a
 * restart. A line torn by a crash has no final newline and is ignored: its outcome was never
 * acknowledged, and the route is simply tried again (at-least-once).
 *
 * <pre>
 * attempt 2 2026-11-22T10:15:00Z
 * delivered 0.0 local bob@example.com 2.0.0 delivered
 * failed 1.0 smtp ann@example.org 5.1.1 no%20such%20user
 * deferred 2.0 smtp joe@example.net 4.4.1 connection%20refused
 * </pre>
 * The key {@code r.n} is the recipient's and the route's position in the envelope.
 */
public final class StatusLog {
    public static final String SUFFIX = ".sts";

    private StatusLog() {
    }

    /** What a status file says: attempts made, and the final outcome of each finished route. */
    public record State(int attempts, Map<String, Outcome> finished) {
        public static final State NONE = new State(0, Map.of());
    }

    /** A final outcome: {@code delivered} or {@code failed}, with its status and diagnostic. */
    public record Outcome(boolean delivered, String status, String diagnostic) {
    }

    public static State read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return State.NONE;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        int attempts = 0;
        Map<String, Outcome> finished = new HashMap<>();
        for (String line : text.substring(0, end + 1).split("\n")) {
            String[] t = line.strip().split(" ");
            if (t[0].equals("attempt") && t.length >= 2) {
                attempts = Math.max(attempts, Integer.parseInt(t[1]));
            } else if ((t[0].equals("delivered") || t[0].equals("failed")) && t.length >= 5) {
                String diag = t.length > 5 ? Tokens.decode(t[5]) : "";
                finished.put(t[1], new Outcome(t[0].equals("delivered"), t[4], diag));
            }
        }
        return new State(attempts, finished);
    }

    /** Appends lines and fsyncs before returning. */
    public static void append(Path file, List<String> lines) throws IOException {
        StringBuilder s = new StringBuilder();
        lines.forEach(l -> s.append(l).append('\n'));
        ByteBuffer b = ByteBuffer.wrap(s.toString().getBytes(StandardCharsets.UTF_8));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /** One outcome line; {@code kind} is delivered, failed or deferred. */
    public static String line(String kind, String key, String transport, String recipient,
            String status, String diagnostic) {
        return kind + " " + key + " " + Tokens.encode(transport) + " " + Tokens.encode(recipient)
                + " " + (status.isEmpty() ? "-" : Tokens.encode(status)) + " " + Tokens.encode(diagnostic);
    }
}
