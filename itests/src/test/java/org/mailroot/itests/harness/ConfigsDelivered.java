package org.mailroot.itests.harness;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Waits (bounded, never failing) until every factory configuration file of etc/ ({@code pid~name.cfg})
 * has reached a component: the launcher's start returns once Configuration Admin holds them, but
 * it hands them to the components afterwards, one by one on its own thread, so the first 220 can
 * come before the local domain is known. Reflection: the SCR DTOs are not on the test class path.
 */
final class ConfigsDelivered {
    private static final Duration BOUND = Duration.ofSeconds(15);

    private ConfigsDelivered() {
    }

    static void await(BundleContext context, Path etc) {
        Set<String> wanted = new HashSet<>();
        try (Stream<Path> files = Files.list(etc)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".cfg") && n.contains("~"))
                    .forEach(n -> wanted.add(n.substring(0, n.length() - ".cfg".length())));
        } catch (IOException e) {
            return;
        }
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!delivered(context).containsAll(wanted) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
        }
    }

    /** The service.pid of every component configuration SCR has now. */
    private static Set<String> delivered(BundleContext context) {
        Set<String> pids = new HashSet<>();
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(
                    "org.osgi.service.component.runtime.ServiceComponentRuntime", null);
            if (refs == null) {
                return pids;
            }
            Object scr = context.getService(refs[0]);
            try {
                Method descriptions = scr.getClass().getMethod("getComponentDescriptionDTOs",
                        Class.forName("[Lorg.osgi.framework.Bundle;"));
                Method configurations = null;
                for (Method m : scr.getClass().getMethods()) {
                    if (m.getName().equals("getComponentConfigurationDTOs")) {
                        configurations = m;
                    }
                }
                for (Object d : (Collection<?>) descriptions.invoke(scr, Array.newInstance(org.osgi.framework.Bundle.class, 0))) {
                    for (Object c : (Collection<?>) configurations.invoke(scr, d)) {
                        Object pid = ((Map<?, ?>) c.getClass().getField("properties").get(c)).get("service.pid");
                        if (pid instanceof String s) {
                            pids.add(s);
                        } else if (pid instanceof String[] many) {
                            pids.addAll(List.of(many));
                        }
                    }
                }
            } finally {
                context.ungetService(refs[0]);
            }
        } catch (ReflectiveOperationException | org.osgi.framework.InvalidSyntaxException | RuntimeException e) {
            // stopping, or SCR not there: nothing more to wait for
        }
        return pids;
    }
}
