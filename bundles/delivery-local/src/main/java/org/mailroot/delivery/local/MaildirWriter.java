package org.mailroot.delivery.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mailroot.api.delivery.Delivery;

/**
 * Writes one copy per mailbox into {@code Drop/<domain>/<mailbox>/} laid out as Maildir++
 * ({@code tmp/ new/ cur/}), which Dovecot serves with
 * {@code mail_location = maildir:<mailroot>/Drop/%d/%n}.
 *
 * <p>File name (maildir spec {@code time.unique.host}): {@code <received epoch seconds>.
 * <encoded message id>.<host>}. It is unique because message ids are unique per spool, and it is
 * stable, so a redelivery after a crash finds the file in {@code new/} (or unflagged in
 * {@code cur/}) and writes no duplicate. A message the reader already flagged and moved is not
 * looked for (that would mean listing {@code cur/}); that window is a crash between rename and
 * the spool's record, so at worst one duplicate.
 *
 * <p>RFC 5321 §4.4: final delivery adds {@code Return-Path: <sender>} at the top.
 */
final class MaildirWriter {
    private final String host;

    MaildirWriter(String hostName) {
        // maildir spec: '/' and ':' in the host part are written as \057 and \072.
        this.host = hostName.replace("/", "\\057").replace(":", "\\072");
    }

    /** The stable file name of this message in any Maildir. */
    String fileName(Delivery delivery) {
        return delivery.envelope().received().getEpochSecond() + "."
                + FileNames.encode(delivery.envelope().id()) + "." + host;
    }

    /**
     * Delivers one copy to {@code Drop/<domain>/<mailbox>/new/}, or into the Maildir++ folder
     * {@code .<folder>} of the mailbox when folder is not empty (a safe name, see
     * {@link RouteParameters#folder}). Maildir++ marks a folder with an empty
     * {@code maildirfolder} file, which Courier's and Dovecot's delivery agents expect.
     * Throws when nothing was written.
     */
    void write(Path drop, String domain, String mailbox, String folder, Delivery delivery) throws IOException {
        Path root = Mailboxes.folder(drop, domain, mailbox);
        if (!folder.isEmpty()) {
            root = root.resolve("." + folder);
            AtomicFiles.createDirectories(root);
            Path marker = root.resolve("maildirfolder");
            if (!Files.exists(marker)) {
                try {
                    Files.createFile(marker);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another delivery made it first: fine
                }
            }
        }
        Path tmp = root.resolve("tmp");
        Path cur = root.resolve("cur");
        Path fresh = root.resolve("new");
        String name = fileName(delivery);
        Path target = fresh.resolve(name);
        for (Path existing : new Path[] {target, cur.resolve(name), cur.resolve(name + ":2,")}) {
            if (Files.exists(existing)) {
                // An earlier attempt may have renamed it but not fsynced the directory.
                AtomicFiles.syncExisting(existing);
                return;
            }
        }
        AtomicFiles.createDirectories(tmp);
        AtomicFiles.createDirectories(cur);
        AtomicFiles.createDirectories(fresh);
        byte[] returnPath = ("Return-Path: " + delivery.envelope().sender() + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(tmp.resolve(name), target,
                returnPath.length + delivery.content().size(), out -> {
            out.write(returnPath);
            try (InputStream in = delivery.content().open()) {
                in.transferTo(out);
            }
        });
    }
}
