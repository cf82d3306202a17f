package org.mailroot.itests.harness;

import java.time.Duration;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Waits for a DS component's service to come or go, by component.name, through the framework's
 * own context (the test's copy of the API classes is another class space, so no typed look-up).
 */
public final class Services {
    private Services() {
    }

    public static boolean registered(BundleContext context, String componentName) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(component.name=" + componentName + ")");
            return refs != null && refs.length > 0;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static void awaitRegistered(InProcessServer server, String componentName, Duration timeout) {
        Await.until(timeout, "service of component " + componentName + " registered",
                () -> registered(server.context(), componentName));
    }

    public static void awaitGone(InProcessServer server, String componentName, Duration timeout) {
        Await.until(timeout, "service of component " + componentName + " unregistered",
                () -> !registered(server.context(), componentName));
    }
}
