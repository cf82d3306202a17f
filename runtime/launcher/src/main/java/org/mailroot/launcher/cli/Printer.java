package org.mailroot.launcher.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintStream;

/** Tables and lines of the admin commands' answers. */
final class Printer {
    private Printer() {
    }

    static void features(PrintStream out, JsonObject r) {
        out.printf("%-18s %-8s %-9s %s%n", "FEATURE", "ENABLED", "BUNDLES", "TITLE");
        for (JsonValue v : r.getJsonArray("features")) {
            JsonObject f = v.asJsonObject();
            out.printf("%-18s %-8s %-9s %s%n", f.getString("name"), f.getBoolean("enabled") ? "yes" : "no",
                    f.getInt("installed") + "/" + f.getInt("bundles"), f.getString("title"));
        }
        out.println("(enabled set: " + r.getString("file") + "; BUNDLES = installed/listed)");
    }

    static void featureChange(PrintStream out, JsonObject r) {
        String verb = r.getString("state").equals("enabled") ? "installed" : "uninstalled";
        out.printf("Feature %s %s; %s %d bundle(s)%s%s%n", r.getString("feature"), r.getString("state"), verb,
                r.getJsonArray("bundles").size(), list(": ", r.getJsonArray("bundles")),
                r.getJsonArray("configurations").isEmpty() ? "" : "; configurations " + list("", r.getJsonArray("configurations")));
    }

    static void bundles(PrintStream out, JsonObject r) {
        out.printf("%4s  %-11s %-48s %s%n", "ID", "STATE", "SYMBOLIC NAME", "VERSION");
        for (JsonValue v : r.getJsonArray("bundles")) {
            JsonObject b = v.asJsonObject();
            out.printf("%4d  %-11s %-48s %s%n", b.getJsonNumber("id").longValue(), b.getString("state"),
                    b.getString("symbolicName"), b.getString("version"));
        }
    }

    static void config(PrintStream out, JsonObject r) {
        out.println(r.getString("pid") + " (" + r.getString("file") + ")");
        r.getJsonObject("values").forEach((k, v) -> out.printf("  %s = %s%n", k, AdminCommands.text(v)));
        r.getJsonObject("defaults").forEach((k, v) -> out.printf("  %s = %s   (default)%n", k, AdminCommands.text(v)));
    }

    static void servers(PrintStream out, JsonObject r) {
        out.printf("%-16s %-8s %s%n", "VIRTUAL SERVER", "STATE", "ADDRESSES");
        for (JsonValue v : r.getJsonArray("servers")) {
            JsonObject s = v.asJsonObject();
            out.printf("%-16s %-8s %s%n", s.getString("name"), s.getString("state"), list("", s.getJsonArray("addresses")));
        }
    }

    static void status(PrintStream out, JsonObject r) {
        out.printf("%-16s %-8s %11s %9s %10s %9s %7s%n", "VIRTUAL SERVER", "STATE", "CONNECTIONS", "RECEIVED",
                "DELIVERED", "DEFERRED", "FAILED");
        for (JsonValue v : r.getJsonArray("servers")) {
            JsonObject s = v.asJsonObject();
            out.printf("%-16s %-8s %11d %9d %10d %9d %7d%n", s.getString("name"), s.getString("state"),
                    s.getJsonNumber("connections").longValue(), s.getJsonNumber("received").longValue(),
                    s.getJsonNumber("delivered").longValue(), s.getJsonNumber("deferred").longValue(),
                    s.getJsonNumber("failed").longValue());
        }
        int q = r.getInt("queueLength");
        out.println("Queue length: " + (q < 0 ? "unknown (spool not running)" : q));
    }

    private static String list(String prefix, jakarta.json.JsonArray a) {
        if (a.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(prefix);
        for (int i = 0; i < a.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(AdminCommands.text(a.get(i)));
        }
        return s.toString();
    }
}
