package org.mailroot.admin.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mailroot.admin.features.BundleRepository.Identity;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bundles of features in the framework: found by symbolic name and version, started, removed. */
final class FeatureBundles {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureBundles.class);
    private static final long REFRESH_SECONDS = 30;
    private final BundleContext context;
    private final BundleRepository repository;

    FeatureBundles(BundleContext context, BundleRepository repository) {
        this.context = context;
        this.repository = repository;
    }

    /** The installed bundle of a Maven id (matched by the jar's symbolic name and version, wherever it was installed from). */
    Optional<Bundle> find(String mavenId) {
        Identity id;
        try {
            id = BundleRepository.identity(repository.locate(mavenId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException e) {
            return Optional.empty(); // not in system/: cannot be one of ours
        }
        return Arrays.stream(context.getBundles())
                .filter(b -> id.equals(FeatureManager.identityOf(b))).findFirst();
    }

    boolean installed(String mavenId) {
        return find(mavenId).isPresent();
    }

    /** Resolves the new bundles together, then starts them in order; fails naming the bundle and the reason. */
    void start(List<Bundle> bundles) throws BundleException {
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(bundles);
        for (Bundle b : bundles) {
            if (!FeatureManager.isFragment(b)) {
                try {
                    b.start();
                } catch (BundleException e) {
                    throw new BundleException(b.getSymbolicName() + " " + b.getVersion() + " did not start: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Stops and uninstalls, then refreshes so no wiring keeps the removed classes alive. */
    void remove(List<Bundle> bundles) throws InterruptedException {
        for (Bundle b : bundles) {
            try {
                b.stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Bundle {} did not stop cleanly: {}", b.getSymbolicName(), e.getMessage());
            }
        }
        for (Bundle b : bundles) {
            try {
                b.uninstall();
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Bundle {} was not uninstalled: {}", b.getSymbolicName(), e.getMessage());
            }
        }
        if (!bundles.isEmpty()) {
            CountDownLatch done = new CountDownLatch(1);
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, e -> {
                if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                    done.countDown();
                }
            });
            if (!done.await(REFRESH_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Package refresh after uninstalling {} bundle(s) did not finish within {} s", bundles.size(), REFRESH_SECONDS);
            }
        }
    }
}
