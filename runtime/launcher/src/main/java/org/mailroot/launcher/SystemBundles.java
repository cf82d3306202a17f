package org.mailroot.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Installs the boot set's jars (see {@link BootSet}) and starts them in a safe order. */
final class SystemBundles {
    private static final Logger LOG = LoggerFactory.getLogger(SystemBundles.class);

    /** Started first: the services every component needs (logging, DS, configuration, metatype). */
    private static final List<String> INFRASTRUCTURE = List.of(
            "org.apache.felix.log", "org.apache.felix.logback", "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component",
            "org.apache.felix.configadmin", "org.apache.felix.metatype", "org.apache.felix.scr");

    /** Started last: FileInstall scans synchronously in its activator (stack trap 7). */
    static final String FILEINSTALL = "org.apache.felix.fileinstall";

    private SystemBundles() {
    }

    static List<Bundle> install(BundleContext context, List<Path> jars) throws BundleException {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context.installBundle(jar.toUri().toString()));
        }
        installed.sort(Comparator.comparingInt(SystemBundles::rank));
        return installed;
    }

    /**
     * Starts the bundles in order (up to, not including, FileInstall). A bundle that cannot start
     * is logged with the framework's reason and the others go on: the report shows it.
     */
    static void startAllBut(List<Bundle> bundles, Set<String> later) {
        for (Bundle b : bundles) {
            if (!later.contains(b.getSymbolicName())) {
                start(b);
            }
        }
    }

    static void start(Bundle b) {
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return; // fragments resolve with their host, they do not start
        }
        try {
            b.start();
        } catch (BundleException e) {
            LOG.error("Bundle {} {} did not start: {}", b.getSymbolicName(), b.getVersion(), e.getMessage());
        }
    }

    private static int rank(Bundle b) {
        int i = INFRASTRUCTURE.indexOf(b.getSymbolicName());
        if (i >= 0) {
            return i;
        }
        return FILEINSTALL.equals(b.getSymbolicName()) ? 1000 : 100;
    }
}
