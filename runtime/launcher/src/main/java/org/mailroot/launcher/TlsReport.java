package org.mailroot.launcher;

import java.io.PrintStream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The TLS lines of the startup report, from service properties only (the launcher does not load
 * bundle classes): each virtual server's TLS mode ({@code mailroot.listener.tls}) and the
 * certificate of the TLS provider ({@code mailroot.tls.certificate}), with a plain warning when
 * it is a generated self-signed one.
 */
final class TlsReport {
    static final String LISTENER_TLS = "mailroot.listener.tls";
    static final String CERTIFICATE = "mailroot.tls.certificate";
    static final String GENERATED = "mailroot.tls.generated";
    static final String TLS_BUNDLE = "org.mailroot.tls";
    static final long PROVIDER_WAIT_MILLIS = 15_000;

    private TlsReport() {
    }

    /** "(STARTTLS)", "(STARTTLS required)", "(implicit TLS)", "(no TLS)" or "" when unknown. */
    static String listenerNote(BundleContext context, String name) {
        for (ServiceReference<?> ref : refs(context, "(&(mailroot.listener=" + name + ")(" + LISTENER_TLS + "=*))")) {
            String mode = String.valueOf(ref.getProperty(LISTENER_TLS));
            return switch (mode) {
                case "starttls" -> "(STARTTLS)";
                case "starttls required" -> "(STARTTLS required)";
                case "implicit" -> "(implicit TLS)";
                case "none" -> "(no TLS)";
                default -> "(" + mode + ")";
            };
        }
        return "";
    }

    static void print(PrintStream out, BundleContext context) {
        awaitProvider(context);
        ServiceReference<?>[] providers = refs(context, "(" + CERTIFICATE + "=*)");
        if (providers.length == 0) {
            out.println("TLS  not available (the mailroot-tls bundle is not running): STARTTLS is not offered,"
                    + " implicit-TLS servers close connections");
            return;
        }
        ServiceReference<?> tls = providers[0];
        out.println("TLS  " + tls.getProperty(CERTIFICATE));
        if (Boolean.TRUE.equals(tls.getProperty(GENERATED))) {
            out.println("     generated at first start: configure a real certificate in etc/org.mailroot.tls.cfg");
        }
    }

    /**
     * At the first start the TLS bundle generates its key (a second or so) while the listeners
     * are already up: wait for it, bounded, when its bundle is there, so the report tells the truth.
     */
    private static void awaitProvider(BundleContext context) {
        boolean installed = false;
        for (Bundle b : context.getBundles()) {
            installed |= TLS_BUNDLE.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE;
        }
        if (!installed) {
            return;
        }
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter("(" + CERTIFICATE + "=*)"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // a constant filter
        }
        tracker.open(true);
        try {
            tracker.waitForService(PROVIDER_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tracker.close();
        }
    }

    private static ServiceReference<?>[] refs(BundleContext context, String filter) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, filter);
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return new ServiceReference<?>[0]; // a name with filter characters, or stopping: no note
        }
    }
}
