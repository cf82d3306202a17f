package org.mailroot.launcher;

import java.util.LinkedHashSet;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the bundles that serve SMTP before the framework stops the rest. Framework shutdown
 * order is by start level and install order, which may stop the spool while a session is still
 * sending DATA; that session would then get 451 instead of its 250. Stopping the listeners first
 * lets them drain (no new connections, in-flight transactions finish) while the spool still runs.
 */
final class ListenersFirst {
    private static final Logger LOG = LoggerFactory.getLogger(ListenersFirst.class);

    private ListenersFirst() {
    }

    static void stop(BundleContext context) {
        for (Bundle bundle : listenerBundles(context)) {
            try {
                bundle.stop(); // returns once its components deactivated, i.e. drained
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Could not stop {} before the others: {}", bundle.getSymbolicName(), e.toString());
            }
        }
    }

    private static Set<Bundle> listenerBundles(BundleContext context) {
        Set<Bundle> bundles = new LinkedHashSet<>();
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, ListenerInfo.FILTER);
            if (refs != null) {
                for (ServiceReference<?> ref : refs) {
                    Bundle b = ref.getBundle();
                    if (b != null) {
                        bundles.add(b);
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // a constant filter
        }
        return bundles;
    }
}
