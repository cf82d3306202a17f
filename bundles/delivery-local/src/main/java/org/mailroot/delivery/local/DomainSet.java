package org.mailroot.delivery.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable view of the local domains with the default chosen: the one marked default; if
 * several are, the first of them; if none is, the first non-alias domain (IIS always had
 * exactly one default). {@link #problems()} says what was guessed, for a warning.
 */
final class DomainSet {
    private final Map<String, LocalDomain> byName;
    private final LocalDomain defaultDomain;
    private final List<String> problems;

    private DomainSet(Map<String, LocalDomain> byName, LocalDomain defaultDomain, List<String> problems) {
        this.byName = byName;
        this.defaultDomain = defaultDomain;
        this.problems = problems;
    }

    /** Builds the set from domains in configuration order. */
    static DomainSet of(List<LocalDomain> ordered) {
        Map<String, LocalDomain> byName = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<LocalDomain> defaults = new ArrayList<>();
        for (LocalDomain d : ordered) {
            if (byName.putIfAbsent(d.name(), d) != null) {
                problems.add("domain " + d.name() + " is configured twice; the first one is used");
            } else if (d.isDefault()) {
                defaults.add(d);
            }
        }
        LocalDomain chosen = null;
        if (!defaults.isEmpty()) {
            chosen = defaults.get(0);
            if (defaults.size() > 1) {
                problems.add(defaults.size() + " domains are marked default; using " + chosen.name());
            }
        } else if (!byName.isEmpty()) {
            chosen = byName.values().stream().filter(d -> !d.alias()).findFirst()
                    .orElse(byName.values().iterator().next());
            problems.add("no domain is marked default=true; using the first, " + chosen.name());
        }
        return new DomainSet(Map.copyOf(byName), chosen, List.copyOf(problems));
    }

    /** The local domain of this (lower-case) name, or null when the domain is not local. */
    LocalDomain find(String domain) {
        return byName.get(LocalDomain.normalizeName(domain));
    }

    /** The default domain, or null when no domain is configured. */
    LocalDomain defaultDomain() {
        return defaultDomain;
    }

    /** Where a local domain's mail goes: alias domains deliver into the default domain. */
    LocalDomain deliveryDomain(LocalDomain domain) {
        return domain.alias() && defaultDomain != null ? defaultDomain : domain;
    }

    Set<String> names() {
        return byName.keySet();
    }

    List<String> problems() {
        return problems;
    }
}
