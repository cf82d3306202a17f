package org.mailroot.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file readable by its owner only (0600 where the file system has POSIX permissions),
 * through a temporary file created with those permissions and moved into place, so the content
 * is never visible to others, not even for a moment, and readers never see half a file.
 */
final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {
    }

    static void write(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp); // e.g. Windows: the folder's ACL applies
        } catch (FileAlreadyExistsException race) {
            throw new IOException("another writer is creating " + tmp, race);
        }
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
