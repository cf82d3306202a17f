package org.mailroot.admin.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The admin token: 256 random bits, created at the first start in a file only its owner may read
 * (POSIX 0600, created with that mode so it is never readable by others, not even briefly).
 */
public final class AdminToken {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final byte[] token;

    private AdminToken(String token) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the token file, creating it (and its folder) with a fresh token when missing. */
    public static AdminToken loadOrCreate(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, value + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException e) {
                // another start won the race: use its token
            } catch (UnsupportedOperationException e) { // not a POSIX file system
                Files.writeString(file, value + "\n", StandardCharsets.US_ASCII);
            }
        } else if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, OWNER_ONLY); // repair a file an editor widened
        }
        String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (value.length() < 22) { // 22 base64 characters = 128 bits
            throw new IOException(file + " holds no usable token (at least 22 characters); delete it to get a new one");
        }
        return new AdminToken(value);
    }

    /** True if the Authorization header value is "Bearer <token>"; constant time in the token. */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] offered = authorization.substring(7).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(token, offered);
    }
}
