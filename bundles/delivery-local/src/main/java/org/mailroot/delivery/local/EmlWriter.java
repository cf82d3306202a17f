package org.mailroot.delivery.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mailroot.api.Route;
import org.mailroot.api.delivery.Delivery;

/**
 * Writes one IIS Drop file per delivery: {@code x-sender: <addr>} and one
 * {@code x-receiver: <addr>} line per recipient (addresses without angle brackets, as IIS
 * wrote them; the null sender as {@code <>}), CRLF-terminated, then the message bytes unchanged.
 *
 * <p>The name is {@code <messageId>.eml}, so a redelivery after a crash finds its file and does
 * not write a second copy. Should that name already hold the same message for other recipients
 * (a later attempt for the remaining routes), the name becomes
 * {@code <messageId>.<hash of the x- lines>.eml}, still stable across retries. Temporary files
 * live in the hidden {@code Drop/.tmp/} so that Drop readers never see a partial file. A route
 * may ask for a subfolder ({@link RouteParameters#FOLDER}): the file then goes to
 * {@code Drop/<folder>/}, with the same naming.
 */
final class EmlWriter {
    static final String TEMP_DIR = ".tmp";

    /** The temp folder last known to exist: saves a stat per delivery. */
    private volatile Path knownTempDir;

    /**
     * Delivers every route in one file, in {@code Drop/} or, when folder is not null (a safe
     * single name, see {@link RouteParameters#folder}), in {@code Drop/<folder>/}; throws when
     * nothing was written. The temporary file always lives in {@code Drop/.tmp/}: same file
     * system, so the rename stays atomic.
     */
    void write(Path drop, String folder, Delivery delivery, List<Route> routes) throws IOException {
        byte[] header = header(delivery, routes);
        String id = FileNames.encode(delivery.envelope().id());
        Path dir = folder == null ? drop : drop.resolve(folder);
        if (folder != null) {
            AtomicFiles.createDirectories(dir); // one stat when it exists; fsyncs Drop/ when new
        }
        Path target = dir.resolve(id + ".eml");
        if (Files.exists(target)) {
            if (startsWith(target, header)) {
                AtomicFiles.syncExisting(target);
                return; // already delivered by an attempt that crashed before the spool noted it
            }
            target = dir.resolve(id + "." + hash(header) + ".eml");
            if (Files.exists(target)) {
                AtomicFiles.syncExisting(target);
                return;
            }
        }
        Path tempDir = drop.resolve(TEMP_DIR);
        if (!tempDir.equals(knownTempDir)) {
            AtomicFiles.createDirectories(tempDir);
            knownTempDir = tempDir;
        }
        Path temp = tempDir.resolve(target.getFileName() + ".tmp");
        long size = header.length + delivery.content().size();
        AtomicFiles.Body body = out -> {
            out.write(header);
            try (InputStream in = delivery.content().open()) {
                in.transferTo(out);
            }
        };
        try {
            AtomicFiles.write(temp, target, size, body);
        } catch (NoSuchFileException e) {
            // Someone removed Drop/.tmp (or Drop/) since we last looked: create it and retry once.
            knownTempDir = null;
            AtomicFiles.createDirectories(tempDir);
            AtomicFiles.createDirectories(dir);
            knownTempDir = tempDir;
            AtomicFiles.write(temp, target, size, body);
        }
    }

    static byte[] header(Delivery delivery, List<Route> routes) {
        StringBuilder sb = new StringBuilder();
        String sender = delivery.envelope().sender().address();
        sb.append("x-sender: ").append(sender.isEmpty() ? "<>" : sender).append("\r\n");
        Set<String> receivers = new LinkedHashSet<>();
        routes.forEach(r -> receivers.add(r.recipient().address()));
        receivers.forEach(r -> sb.append("x-receiver: ").append(r).append("\r\n"));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(Path file, byte[] prefix) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(prefix.length), prefix);
        }
    }

    private static String hash(byte[] header) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(header);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
