package org.mailroot.delivery.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Maildir folders {@code Drop/<domain>/<mailbox>/} found by the last scan, in memory, so that
 * the recipient resolver never touches the disk while a client waits (it is {@code @NonBlocking}).
 * A scan lists Drop/ by name only and descends just into the names of local domains, so the
 * thousands of .eml files of the eml format cost no stat each.
 */
final class MaildirIndex {
    private static final Logger LOG = LoggerFactory.getLogger(MaildirIndex.class);

    /** What one scan found: the folder it scanned and its {@code domain/mailbox} keys. */
    record Scan(Path drop, Set<String> mailboxes) {
        boolean contains(String domain, String mailbox) {
            return mailboxes.contains(domain + '/' + mailbox);
        }
    }

    private MaildirIndex() {
    }

    /** Lists {@code drop}; a domain folder is one that {@code domains} knows as a local domain. */
    static Scan scan(Path drop, DomainSet domains) {
        Set<String> found = new HashSet<>();
        try (DirectoryStream<Path> top = Files.newDirectoryStream(drop)) {
            for (Path d : top) {
                String domain = d.getFileName().toString();
                if (domains.find(domain) == null || !Files.isDirectory(d)) {
                    continue;
                }
                try (DirectoryStream<Path> boxes = Files.newDirectoryStream(d, Files::isDirectory)) {
                    for (Path box : boxes) {
                        String name = box.getFileName().toString();
                        if (Mailboxes.isSafeFolderName(name)) {
                            found.add(domain + '/' + name);
                        }
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // no Drop/ yet: no Maildir folder either
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot list the Maildir folders under {}: {}", drop, e.toString());
        }
        return new Scan(drop, Set.copyOf(found));
    }
}
