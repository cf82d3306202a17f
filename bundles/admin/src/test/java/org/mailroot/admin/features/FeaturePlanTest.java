package org.mailroot.admin.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeaturePlanTest {
    private static final String NETTY_HTTP = "io.netty:netty-codec-http:4.2.20.Final";
    private static final String ADMIN = "org.mailroot:mailroot-admin:0.1.0";
    private static final String PLUGIN = "org.example:filter:1.0.0";

    @Test
    void enableInstallsOnlyWhatIsMissing() {
        assertEquals(List.of(PLUGIN), FeaturePlan.toInstall(List.of(NETTY_HTTP, PLUGIN), Set.of(NETTY_HTTP)::contains));
    }

    @Test
    void disableKeepsBundlesAnotherEnabledFeatureNeeds() {
        Map<String, List<String>> enabled = new LinkedHashMap<>();
        enabled.put("admin", List.of(NETTY_HTTP, ADMIN));
        enabled.put("web", List.of(NETTY_HTTP, PLUGIN));
        assertEquals(List.of(PLUGIN), FeaturePlan.toRemove("web", enabled));
        assertEquals(List.of(ADMIN), FeaturePlan.toRemove("admin", enabled));
        enabled.remove("admin");
        assertEquals(List.of(PLUGIN, NETTY_HTTP), FeaturePlan.toRemove("web", enabled), "reverse order");
    }

    @Test
    void withoutTheEnabledFileCompleteFeaturesCountAsEnabled() {
        Map<String, List<String>> all = Map.of("admin", List.of(NETTY_HTTP, ADMIN), "web", List.of(PLUGIN),
                "empty", List.of());
        assertEquals(Set.of("admin"), FeaturePlan.inferEnabled(all, Set.of(NETTY_HTTP, ADMIN)::contains));
    }
}
