package org.mailroot.spool.delivery;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mailroot.spool.badmail.BadMail;
import org.mailroot.spool.queue.QueueFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, takes back everything in Queue/: temp files of interrupted stores are removed (their
 * store never completed, so nobody was told they were safe), status files without a message are
 * removed, and every message is scheduled at once with its recorded progress. A file that cannot
 * be read goes to BadMail/ rather than blocking the queue.
 */
public final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    /** @return the number of messages scheduled */
    public static int recover(Path queue, DeliveryScheduler scheduler, BadMail badMail) throws IOException {
        List<Path> messages = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(queue)) {
            for (Path p : dir) {
                String n = p.getFileName().toString();
                if (n.endsWith(QueueFile.TEMP_SUFFIX)) {
                    LOG.info("Removing {} left by an interrupted store", n);
                    Files.deleteIfExists(p);
                } else if (n.endsWith(StatusLog.SUFFIX)) {
                    String id = n.substring(0, n.length() - StatusLog.SUFFIX.length());
                    if (!Files.exists(queue.resolve(id + QueueFile.SUFFIX))) {
                        Files.deleteIfExists(p);
                    }
                } else if (n.endsWith(QueueFile.SUFFIX)) {
                    messages.add(p);
                }
            }
        }
        messages.sort(null); // ids grow with time: oldest first
        int scheduled = 0;
        for (Path p : messages) {
            try {
                QueueFile f = QueueFile.read(p);
                Path sts = queue.resolve(QueueFile.idOf(p) + StatusLog.SUFFIX);
                scheduler.add(f, StatusLog.read(sts));
                scheduled++;
            } catch (IOException | RuntimeException e) {
                LOG.error("Unreadable queue file {}: {}", p.getFileName(), e.toString());
                badMail.moveIn(p, QueueFile.idOf(p), QueueFile.SUFFIX, "File: " + p.getFileName()
                        + "\nReason: unreadable queue file: " + e.getMessage() + "\n");
                Files.deleteIfExists(queue.resolve(QueueFile.idOf(p) + StatusLog.SUFFIX));
            }
        }
        LOG.info("Recovered {} queued message(s) from {}", scheduled, queue);
        return scheduled;
    }
}
