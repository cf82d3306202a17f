package org.mailroot.admin.features;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** What enabling or disabling a feature changes, computed from bundle ids alone (no framework). */
public final class FeaturePlan {
    private FeaturePlan() {
    }

    /** The feature's bundles that are not installed yet, in the feature's order. */
    public static List<String> toInstall(List<String> featureBundles, Predicate<String> installed) {
        return featureBundles.stream().filter(installed.negate()).toList();
    }

    /**
     * The bundles only this feature brought: its bundles minus those of every other enabled
     * feature, in reverse order (stopped last-started first).
     */
    public static List<String> toRemove(String feature, Map<String, List<String>> enabledBundles) {
        Set<String> kept = new HashSet<>();
        enabledBundles.forEach((name, bundles) -> {
            if (!name.equals(feature)) {
                kept.addAll(bundles);
            }
        });
        List<String> remove = new ArrayList<>(enabledBundles.getOrDefault(feature, List.of()));
        remove.removeIf(kept::contains);
        java.util.Collections.reverse(remove);
        return remove;
    }

    /** Without etc/org.mailroot.features.cfg: the features whose bundles are all installed count as enabled. */
    public static Set<String> inferEnabled(Map<String, List<String>> features, Predicate<String> installed) {
        Set<String> enabled = new java.util.TreeSet<>();
        features.forEach((name, bundles) -> {
            if (!bundles.isEmpty() && bundles.stream().allMatch(installed)) {
                enabled.add(name);
            }
        });
        return enabled;
    }

    /** The enabled features (in order) with their bundle lists. */
    public static Map<String, List<String>> bundlesOf(Collection<String> enabled, Map<String, List<String>> all) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : enabled) {
            out.put(name, all.getOrDefault(name, List.of()));
        }
        return out;
    }
}
