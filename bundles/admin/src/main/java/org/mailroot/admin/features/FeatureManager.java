package org.mailroot.admin.features;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailroot.admin.features.BundleRepository.Identity;
import org.mailroot.admin.http.Actor;
import org.mailroot.admin.http.Json;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.feature.Feature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * feature list/enable/disable against the running framework. Enable installs and starts the
 * feature's bundles not yet installed (from system/) and writes its configurations where etc/ has
 * none; disable stops and uninstalls only the bundles no other enabled feature lists and removes
 * the configuration files it wrote. Sessions are never dropped: the listener's references are
 * dynamic, a hook bundle that stops just leaves the chain. One change at a time.
 */
public final class FeatureManager {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailroot.admin.audit");
    public static final String CORE = "core";
    static final String MARKER = "# Added by feature ";

    private final BundleContext context;
    private final FeatureCatalog catalog;
    private final BundleRepository repository;
    private final EnabledFeatures enabledFile;
    private final Path etc;
    private final FeatureBundles bundles;

    public FeatureManager(BundleContext context, FeatureCatalog catalog, BundleRepository repository, Path etc) {
        this.context = context;
        this.catalog = catalog;
        this.repository = repository;
        this.enabledFile = new EnabledFeatures(etc);
        this.etc = etc;
        this.bundles = new FeatureBundles(context, repository);
    }

    public synchronized JsonObject list() throws Exception {
        Map<String, Feature> all = catalog.all();
        Set<String> enabled = enabled(all);
        JsonArrayBuilder out = Json.array();
        for (Map.Entry<String, Feature> e : all.entrySet()) {
            List<String> ids = FeatureCatalog.bundles(e.getValue());
            long installed = ids.stream().filter(bundles::installed).count();
            out.add(Json.object().add("name", e.getKey()).add("title", e.getValue().getName().orElse(e.getKey()))
                    .add("enabled", enabled.contains(e.getKey())).add("bundles", ids.size())
                    .add("installed", installed));
        }
        return Json.object().add("features", out).add("file", "etc/" + EnabledFeatures.FILE).build();
    }

    public synchronized JsonObject enable(String name, Actor actor) throws Exception {
        Map<String, Feature> all = catalog.all();
        Feature feature = catalog.get(name);
        Set<String> enabled = enabled(all);
        List<String> ids = FeatureCatalog.bundles(feature);
        ids.forEach(repository::locate); // refuse before touching anything when one is missing
        List<Bundle> installed = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        try {
            for (String id : FeaturePlan.toInstall(ids, bundles::installed)) {
                installed.add(context.installBundle(repository.locate(id).toUri().toString()));
            }
            written = writeConfigurations(name, feature);
            bundles.start(installed);
        } catch (BundleException | RuntimeException e) {
            bundles.remove(installed);
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            throw new IllegalStateException("Feature " + name + " not enabled: " + e.getMessage(), e);
        }
        enabled.add(name);
        enabledFile.write(enabled);
        List<String> names = installed.stream().map(b -> b.getSymbolicName() + " " + b.getVersion()).toList();
        List<String> pids = written.stream().map(p -> p.getFileName().toString()).toList();
        LOG.info("Feature {} enabled by {}: installed {}; configurations {}; enabled now {}",
                name, actor, names, pids, enabled);
        return result(name, "enabled", names, pids);
    }

    public synchronized JsonObject disable(String name, Actor actor, String adminSymbolicName) throws Exception {
        if (CORE.equals(name)) {
            throw new IllegalArgumentException("core cannot be disabled: the server is made of it");
        }
        Map<String, Feature> all = catalog.all();
        Feature feature = catalog.get(name);
        Set<String> enabled = enabled(all);
        if (!enabled.contains(name)) {
            throw new IllegalStateException("Feature " + name + " is not enabled; enabled: " + String.join(", ", enabled));
        }
        Map<String, List<String>> ids = new LinkedHashMap<>();
        all.forEach((n, f) -> ids.put(n, FeatureCatalog.bundles(f)));
        List<Bundle> remove = new ArrayList<>();
        for (String id : FeaturePlan.toRemove(name, FeaturePlan.bundlesOf(enabled, ids))) {
            Optional<Bundle> b = bundles.find(id);
            if (b.isPresent() && adminSymbolicName.equals(b.get().getSymbolicName())) {
                throw new IllegalArgumentException("Feature " + name + " holds the admin endpoint itself; remove it from "
                        + "enabled in etc/" + EnabledFeatures.FILE + " and restart instead");
            }
            b.ifPresent(remove::add);
        }
        List<String> names = remove.stream().map(b -> b.getSymbolicName() + " " + b.getVersion()).toList();
        bundles.remove(remove);
        List<String> pids = removeConfigurations(name, feature);
        enabled.remove(name);
        enabledFile.write(enabled);
        LOG.info("Feature {} disabled by {}: uninstalled {}; configurations removed {}; enabled now {}",
                name, actor, names, pids, enabled);
        return result(name, "disabled", names, pids);
    }

    /** At startup: installs and starts the missing bundles of the enabled features (no-op when the launcher did). */
    public synchronized void reconcile() throws Exception {
        Optional<Set<String>> enabled = enabledFile.read();
        if (enabled.isEmpty()) {
            return;
        }
        Map<String, Feature> all = catalog.all();
        for (String name : enabled.get()) {
            Feature f = all.get(name);
            if (f == null) {
                LOG.warn("Enabled feature {} (etc/{}) has no descriptor in features/", name, EnabledFeatures.FILE);
                continue;
            }
            List<Bundle> installed = new ArrayList<>();
            for (String id : FeaturePlan.toInstall(FeatureCatalog.bundles(f), bundles::installed)) {
                installed.add(context.installBundle(repository.locate(id).toUri().toString()));
            }
            if (!installed.isEmpty()) {
                bundles.start(installed);
                LOG.info("Feature {}: installed {} bundle(s) it lacked at startup", name, installed.size());
            }
        }
    }

    private Set<String> enabled(Map<String, Feature> all) throws Exception {
        Optional<Set<String>> fromFile = enabledFile.read();
        if (fromFile.isPresent()) {
            return new LinkedHashSet<>(fromFile.get());
        }
        Map<String, List<String>> ids = new LinkedHashMap<>();
        all.forEach((n, f) -> ids.put(n, FeatureCatalog.bundles(f)));
        return new LinkedHashSet<>(FeaturePlan.inferEnabled(ids, bundles::installed));
    }

    private List<Path> writeConfigurations(String name, Feature feature) throws Exception {
        List<Path> written = new ArrayList<>();
        for (var c : feature.getConfigurations().values()) {
            Path file = etc.resolve(c.getPid() + ".cfg");
            if (Files.exists(file)) {
                continue; // etc/ wins: an admin's own file is never replaced
            }
            StringBuilder text = new StringBuilder(MARKER + name + "; feature disable " + name + " removes it\n");
            c.getValues().forEach((k, v) -> text.append(k).append('=').append(value(v)).append('\n'));
            new org.mailroot.admin.ops.EtcFile(file).write(text.toString());
            written.add(file);
        }
        return written;
    }

    private List<String> removeConfigurations(String name, Feature feature) throws Exception {
        List<String> removed = new ArrayList<>();
        for (var c : feature.getConfigurations().values()) {
            Path file = etc.resolve(c.getPid() + ".cfg");
            if (Files.isRegularFile(file) && Files.readString(file).startsWith(MARKER + name + ";")) {
                Files.delete(file);
                removed.add(file.getFileName().toString());
            }
        }
        return removed;
    }

    private static String value(Object v) {
        if (v instanceof Object[] arr) {
            return String.join(",", java.util.Arrays.stream(arr).map(String::valueOf).toList());
        }
        return String.valueOf(v).replace("\\", "\\\\");
    }

    private static JsonObject result(String name, String state, List<String> names, List<String> pids) {
        JsonArrayBuilder b = Json.array();
        names.forEach(b::add);
        JsonArrayBuilder c = Json.array();
        pids.forEach(c::add);
        return Json.object().add("feature", name).add("state", state).add("bundles", b).add("configurations", c).build();
    }

    static boolean isFragment(Bundle b) {
        return b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    static Identity identityOf(Bundle b) {
        return new Identity(b.getSymbolicName(), b.getVersion());
    }
}
