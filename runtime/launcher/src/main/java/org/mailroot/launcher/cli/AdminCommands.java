package org.mailroot.launcher.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** bin/mailroot feature|bundle|config|server|status: parse, call the admin endpoint, print. */
public final class AdminCommands {
    public static final List<String> COMMANDS = List.of("feature", "bundle", "config", "server", "status");
    private final AdminClient client;
    private final PrintStream out;

    AdminCommands(AdminClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /** Runs one command; returns the exit code. */
    public static int run(Path base, String[] args, PrintStream out, PrintStream err) {
        List<String> a = List.of(args);
        if (a.contains("--help") || a.contains("-h")) {
            out.println(help(args[0]));
            return 0;
        }
        try {
            return new AdminCommands(new AdminClient(AdminEndpoint.of(base)), out).dispatch(a);
        } catch (CliException e) {
            err.println(e.getMessage());
            return e.exitCode();
        }
    }

    static String help(String command) {
        return switch (command) {
            case "feature" -> AdminHelp.FEATURE;
            case "bundle" -> AdminHelp.BUNDLE;
            case "config" -> AdminHelp.CONFIG;
            case "server" -> AdminHelp.SERVER;
            default -> AdminHelp.STATUS;
        };
    }

    private int dispatch(List<String> a) {
        String cmd = a.get(0);
        String sub = a.size() > 1 ? a.get(1) : "";
        switch (cmd + " " + sub) {
            case "feature list", "feature " -> Printer.features(out, client.get("/v1/features"));
            case "feature enable", "feature disable" -> {
                JsonObject r = client.post("/v1/features/" + seg(arg(a, 2, cmd)) + "/" + sub, Map.of());
                Printer.featureChange(out, r);
            }
            case "bundle list", "bundle " -> Printer.bundles(out, client.get("/v1/bundles"));
            case "config get" -> {
                String key = a.size() > 3 ? "?key=" + URLEncoder.encode(a.get(3), StandardCharsets.UTF_8) : "";
                Printer.config(out, client.get("/v1/config/" + seg(arg(a, 2, cmd)) + key));
            }
            case "config set" -> {
                if (a.size() != 5) {
                    throw usage(cmd);
                }
                JsonObject r = client.put("/v1/config/" + seg(a.get(2)), Map.of("key", a.get(3), "value", a.get(4)));
                out.printf("%s %s: %s -> %s (%s); applied live within about a second%n", r.getString("pid"),
                        r.getString("key"), r.getString("old"), r.getString("value"), r.getString("file"));
            }
            case "server list", "server " -> Printer.servers(out, client.get("/v1/servers"));
            case "server pause", "server resume" -> {
                String name = arg(a, 2, cmd);
                client.post("/v1/servers/" + seg(name) + "/" + sub, Map.of());
                out.println(sub.equals("pause")
                        ? "Virtual server " + name + " paused: new connections get 421, open sessions continue"
                        : "Virtual server " + name + " resumed");
            }
            case "status " -> Printer.status(out, client.get("/v1/status"));
            default -> throw usage(cmd);
        }
        return 0;
    }

    private static String arg(List<String> a, int i, String cmd) {
        if (a.size() <= i) {
            throw usage(cmd);
        }
        return a.get(i);
    }

    private static CliException usage(String cmd) {
        return new CliException(2, help(cmd));
    }

    private static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String text(JsonValue v) {
        return v.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) v).getString() : v.toString();
    }
}
