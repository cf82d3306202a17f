package org.mailroot.auth.store;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One account of the user file: its name (an address, or a bare name completed with the default
 * domain), its credential, further addresses it may send as (aliases) and, only when the admin
 * asked for CRAM-MD5, its CRAM-MD5 secret ({@code cramMd5} null otherwise).
 */
public record UserRecord(String name, ScramCredential credential, List<String> aliases, CramMd5Key cramMd5) {
    /** An account without a CRAM-MD5 secret (the default). */
    public UserRecord(String name, ScramCredential credential, List<String> aliases) {
        this(name, credential, aliases, null);
    }

    public UserRecord {
        name = checkName(name);
        Objects.requireNonNull(credential, "credential");
        aliases = aliases.stream().map(UserRecord::checkName).toList();
    }

    /**
     * Names are compared without case (as mail systems do in practice) and may not hold the
     * file's separators or white space.
     */
    public static String checkName(String name) {
        String n = Objects.requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT);
        if (n.isEmpty() || n.length() > 320 || !n.codePoints().allMatch(c -> c > ' ' && c != ':' && c != ',' && c != '#' && c != 127)) {
            throw new IllegalArgumentException("invalid user name '" + name
                    + "': 1 to 320 characters, no white space, ':' ',' or '#'");
        }
        return n;
    }

    /** The CRAM-MD5 secret, when one was stored with the current password. */
    public Optional<CramMd5Key> cram() {
        return Optional.ofNullable(cramMd5);
    }

    /** A new password: the old CRAM-MD5 secret is dropped (it would still accept the old password). */
    public UserRecord withCredential(ScramCredential c) {
        return new UserRecord(name, c, aliases, null);
    }

    /** A new password with its CRAM-MD5 secret ({@code cram} may be null: none). */
    public UserRecord withCredentials(ScramCredential c, CramMd5Key cram) {
        return new UserRecord(name, c, aliases, cram);
    }

    public UserRecord withAliases(List<String> a) {
        return new UserRecord(name, credential, a, cramMd5);
    }
}
