package org.mailroot.launcher;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until every etc/*.cfg file is a configuration in Configuration Admin ('~' files as named
 * factory configurations), so that start() returns, and the startup report prints, only once the
 * instance runs with its own configuration: a message sent right after "started" must not meet a
 * server that does not yet know its local domains. FileInstall applies files on its own thread
 * and '~' files are converted after that ({@link FactoryConfigBridge}), hence the wait.
 */
final class ConfigsApplied {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigsApplied.class);

    private ConfigsApplied() {
    }

    static void await(BundleContext context, Path etc, Duration timeout) throws InterruptedException {
        await(context, etc, timeout, pid -> true);
    }

    /** Waits for the etc/ configurations whose PID matches {@code which}. */
    static void await(BundleContext context, Path etc, Duration timeout, Predicate<String> which)
            throws InterruptedException {
        List<String> pids = pids(etc).stream().filter(which).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> missing = pids;
        while (!(missing = missing(context, missing)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                LOG.warn("Configuration not applied after {} s: {}", timeout.toSeconds(), missing);
                return;
            }
            Thread.sleep(50); // polling Configuration Admin: it has no "scan finished" event
        }
    }

    private static List<String> pids(Path etc) {
        try (Stream<Path> files = Files.list(etc)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".cfg"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> missing(BundleContext context, List<String> pids) {
        ServiceReference<?> ref = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        if (ref == null) {
            return pids;
        }
        Object cm = context.getService(ref);
        try {
            // through the API interfaces: the implementation classes need not be public
            Method list = ref.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin")
                    .getMethod("listConfigurations", String.class);
            Method factoryPid = ref.getBundle().loadClass("org.osgi.service.cm.Configuration")
                    .getMethod("getFactoryPid");
            return pids.stream().filter(pid -> !present(cm, list, factoryPid, pid)).toList();
        } catch (ReflectiveOperationException e) {
            return List.of(); // an unknown Configuration Admin: do not wait for it
        } finally {
            context.ungetService(ref);
        }
    }

    private static boolean present(Object cm, Method list, Method factoryPid, String pid) {
        try {
            Object[] found = (Object[]) list.invoke(cm, "(service.pid=" + pid + ")");
            if (found == null) {
                return false;
            }
            // a '~' file counts only once it is a factory configuration, not the plain stand-in
            return pid.indexOf('~') < 0 || factoryPid.invoke(found[0]) != null;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
