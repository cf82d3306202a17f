package org.mailroot.auth.store;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One account of the user file: its name (an address, or a bare name completed with the default
 * domain), its credential, and further addresses it may send as (aliases).
 */
public record UserRecord(String name, ScramCredential credential, List<String> aliases) {
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

    public UserRecord withCredential(ScramCredential c) {
        return new UserRecord(name, c, aliases);
    }

    public UserRecord withAliases(List<String> a) {
        return new UserRecord(name, credential, a);
    }
}
