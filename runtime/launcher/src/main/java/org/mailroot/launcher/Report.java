package org.mailroot.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.osgi.framework.Bundle;

/** The startup summary printed by `mailroot run`. */
final class Report {
    private Report() {
    }

    static void print(PrintStream out, Mailroot mailroot, List<ListenerInfo> listeners, List<String> missing) {
        Layout layout = mailroot.layout();
        out.println("Mailroot " + Version.mailroot());
        out.println("Instance  " + layout.base());
        out.println("Virtual servers");
        if (listeners.isEmpty()) {
            out.println("  (none listening)");
        }
        for (ListenerInfo l : listeners) {
            String tls = TlsReport.listenerNote(mailroot.framework().getBundleContext(), l.name());
            out.printf("  %-14s %s%s%n", l.name(), String.join(", ", l.addresses()), tls.isEmpty() ? "" : "  " + tls);
        }
        for (String name : missing) {
            out.printf("  %-14s NOT LISTENING (see %s)%n", name, layout.logs().resolve("mailroot.log"));
        }
        TlsReport.print(out, mailroot.framework().getBundleContext());
        Path root = MailrootFolders.root(layout);
        out.println("Mailroot folders  " + root);
        for (String folder : Layout.MAILROOT_FOLDERS) {
            out.printf("  %-8s %s%n", folder, root.resolve(folder));
        }
        out.println("Configuration  " + layout.etc() + " (edits apply live)");
        try { // written by the admin bundle once it listens (docs/admin.md)
            String admin = java.nio.file.Files.readString(layout.data().resolve("admin.url")).strip();
            out.println("Admin endpoint  " + admin + " (token in " + layout.data().resolve("admin.token")
                    + "; bin/mailroot status|feature|config|server|bundle)");
        } catch (java.io.IOException e) {
            out.println("Admin endpoint  off (feature admin, etc/org.mailroot.admin.cfg)");
        }
        if (!mailroot.features().isEmpty()) {
            out.println("Features  " + String.join(", ", mailroot.features()) + " (etc/org.mailroot.features.cfg)");
        }
        out.println("Bundles");
        for (Bundle b : mailroot.framework().getBundleContext().getBundles()) {
            if (b.getBundleId() != 0) {
                out.printf("  %-8s %-42s %s%n", state(b.getState()), b.getSymbolicName(), b.getVersion());
            }
        }
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
