package org.mailroot.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the listener services: answers who listens where, waits for them at startup and keeps
 * data/listening (read by `bin/mailroot status`) current as virtual servers come and go.
 */
final class Listeners implements ServiceListener {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final BundleContext context;
    private final Path statusFile;
    private final Object changed = new Object();

    Listeners(BundleContext context, Path statusFile) {
        this.context = context;
        this.statusFile = statusFile;
        try {
            context.addServiceListener(this, ListenerInfo.FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        writeStatus();
    }

    List<ListenerInfo> current() {
        List<ListenerInfo> result = new ArrayList<>();
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, ListenerInfo.FILTER);
            if (refs != null) {
                for (ServiceReference<?> ref : refs) {
                    result.add(ListenerInfo.of(ref));
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            // framework stopping: nobody listens
        }
        result.sort(Comparator.comparing(ListenerInfo::name));
        return result;
    }

    /** Waits (bounded) until the listeners satisfy the condition; returns them either way. */
    List<ListenerInfo> await(Predicate<List<ListenerInfo>> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            List<ListenerInfo> now = current();
            while (!done.test(now)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                changed.wait(Math.max(1, left / 1_000_000));
                now = current();
            }
            return now;
        }
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        synchronized (changed) {
            changed.notifyAll();
        }
        writeStatus();
    }

    void close() {
        try {
            context.removeServiceListener(this);
        } catch (IllegalStateException e) {
            // framework already stopped
        }
        try {
            Files.deleteIfExists(statusFile);
        } catch (IOException e) {
            LOG.debug("Cannot remove {}", statusFile, e);
        }
    }

    private synchronized void writeStatus() {
        StringBuilder text = new StringBuilder();
        for (ListenerInfo l : current()) {
            text.append(l.name()).append(' ').append(String.join(" ", l.addresses())).append('\n');
        }
        try {
            Files.writeString(statusFile, text);
        } catch (IOException e) {
            LOG.warn("Cannot write {}: {}", statusFile, e.getMessage());
        }
    }
}
