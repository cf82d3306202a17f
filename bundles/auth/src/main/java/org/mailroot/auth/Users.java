package org.mailroot.auth;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailroot.auth.store.UserRecord;

/**
 * An immutable snapshot of the user file with the default domain: the lookups every mechanism
 * and filter makes. Swapped as a whole on reload, so a lookup never sees half a file.
 */
public record Users(Map<String, UserRecord> byName, String defaultDomain) {
    public static final Users EMPTY = new Users(Map.of(), "");

    public Users {
        byName = Map.copyOf(byName);
        defaultDomain = defaultDomain.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The account for a name as a client gave it. A bare name gets the IIS default domain
     * appended first (alice -> alice@example.com); the bare name itself is the fallback, so an
     * account stored without a domain still works.
     */
    public Optional<UserRecord> find(String given) {
        String name = given.strip().toLowerCase(Locale.ROOT);
        if (name.indexOf('@') < 0 && !defaultDomain.isEmpty()) {
            UserRecord r = byName.get(name + "@" + defaultDomain);
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.ofNullable(byName.get(name));
    }

    /** The addresses an authenticated identity may use in MAIL FROM: itself (if an address) and its aliases. */
    public Set<String> addresses(String identity) {
        Set<String> out = new HashSet<>();
        String id = identity.toLowerCase(Locale.ROOT);
        if (id.indexOf('@') > 0) {
            out.add(id);
        } else if (!defaultDomain.isEmpty()) {
            out.add(id + "@" + defaultDomain);
        }
        UserRecord r = byName.get(id);
        if (r != null) {
            for (String a : r.aliases()) {
                out.add(a.indexOf('@') < 0 && !defaultDomain.isEmpty() ? a + "@" + defaultDomain : a);
            }
        }
        return out;
    }
}
