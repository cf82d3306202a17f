package org.mailroot.itests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Disables and re-enables a feature of the distribution (features/&lt;name&gt;.json) on a
 * running server, at the bundle level: its bundles are stopped (in reverse order) and started
 * again, the effect on bundles of the admin command {@code bin/mailroot feature disable|enable
 * NAME}, which is being built in parallel. Tests go through this one class so that they switch
 * to the admin command in one place once it exists.
 */
public final class FeatureSwitch {
    // "id": "group:artifact:version" of the bundles array (the feature's own id has 4 parts)
    private static final Pattern BUNDLE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\":]+):([^\":]+):([^\":]+)\"");

    private final InProcessServer server;
    private final String feature;

    public FeatureSwitch(InProcessServer server, String feature) {
        this.server = server;
        this.feature = feature;
    }

    /** The installed bundles of the feature, in the descriptor's order; fails if one is missing. */
    public List<Bundle> bundles() {
        Path descriptor = Distribution.home().resolve("features").resolve(feature + ".json");
        String json;
        try {
            json = Files.readString(descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException("no feature " + feature, e);
        }
        int start = json.indexOf("\"bundles\"");
        String bundles = json.substring(start, json.indexOf(']', start));
        List<Bundle> result = new ArrayList<>();
        Matcher m = BUNDLE_ID.matcher(bundles);
        while (m.find()) {
            String file = "/" + m.group(2) + "-" + m.group(3) + ".jar";
            result.add(Arrays.stream(server.context().getBundles()).filter(b -> b.getLocation().endsWith(file))
                    .findFirst().orElseThrow(() -> new IllegalStateException("feature " + feature
                            + ": no installed bundle for " + file)));
        }
        if (result.isEmpty()) {
            throw new IllegalStateException("feature " + feature + " lists no bundles in " + descriptor);
        }
        return result;
    }

    public void disable() throws BundleException {
        List<Bundle> bundles = new ArrayList<>(bundles());
        Collections.reverse(bundles);
        for (Bundle b : bundles) {
            b.stop();
        }
    }

    public void enable() throws BundleException {
        for (Bundle b : bundles()) {
            b.start();
        }
    }

    public boolean enabled() {
        return bundles().stream().allMatch(b -> b.getState() == Bundle.ACTIVE);
    }
}
