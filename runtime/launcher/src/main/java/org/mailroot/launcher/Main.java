package org.mailroot.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import sun.misc.Signal;

/**
 * Command line: {@code mailroot [run|version|help] [--help]}. bin/mailroot passes the folders as
 * system properties mailroot.home and mailroot.base (or env MAILROOT_BASE).
 */
public final class Main {
    /** How long `run` waits for the configured virtual servers to report their addresses. */
    static final Duration LISTENER_WAIT = Duration.ofSeconds(20);

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 || args[0].startsWith("-") ? "run" : args[0];
        boolean help = List.of(args).contains("--help") || List.of(args).contains("-h");
        switch (command) {
            case "run" -> {
                if (help) {
                    System.out.println(Help.RUN);
                } else {
                    System.exit(run());
                }
            }
            case "version" -> System.out.println(help ? Help.VERSION : "Mailroot " + Version.mailroot());
            case "help" -> System.out.println(Help.MAIN);
            case "feature", "bundle", "config", "server", "status" ->
                    System.exit(org.mailroot.launcher.cli.AdminCommands.run(base(home()), args, System.out, System.err));
            case "user" -> System.exit(UserCommands.run(List.of(args).subList(1, args.length), base(home())));
            default -> {
                System.err.println("Unknown command: " + command + "\n\n" + Help.MAIN);
                System.exit(2);
            }
        }
    }

    private static int run() {
        Path home = home();
        Path base = base(home);
        Layout layout = new Layout(home, base);
        try {
            layout.prepare();
        } catch (java.io.IOException e) {
            System.err.println("Mailroot could not prepare " + layout.base() + ": " + e);
            return 1;
        }
        List<String> problems = PortCheck.problems(layout);
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("Mailroot could not start: " + p));
            return 1;
        }
        long t0 = System.nanoTime();
        Mailroot mailroot;
        try {
            mailroot = Mailroot.start(home, base, Map.of());
        } catch (Exception e) {
            System.err.println("Mailroot could not start: " + e.getMessage());
            return 1;
        }
        // SIGTERM and Ctrl-C: exit 0 after the shutdown hook has stopped the framework (drained)
        Runtime.getRuntime().addShutdownHook(new Thread(mailroot::close, "mailroot-shutdown"));
        Signal.handle(new Signal("TERM"), s -> System.exit(0));
        Signal.handle(new Signal("INT"), s -> System.exit(0));
        Set<String> expected = expectedListeners(layout);
        try {
            List<ListenerInfo> up = mailroot.awaitListeners(
                    now -> names(now).containsAll(expected), LISTENER_WAIT);
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(names(up));
            Report.print(System.out, mailroot, up, missing);
            System.out.printf("Mailroot started in %.1f s (pid %d). Stop: Ctrl-C, SIGTERM or bin/mailroot stop.%n",
                    (System.nanoTime() - t0) / 1e9, ProcessHandle.current().pid());
            mailroot.framework().waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static Set<String> names(List<ListenerInfo> listeners) {
        return listeners.stream().map(ListenerInfo::name).collect(Collectors.toSet());
    }

    /** The virtual servers configured in etc/ (name key, else the factory configuration name). */
    private static Set<String> expectedListeners(Layout layout) {
        return ConfigFiles.factory(layout.etc(), "org.mailroot.listener").stream().map(cfg -> {
            String file = cfg.file().getFileName().toString();
            String fromFile = file.substring("org.mailroot.listener".length() + 1, file.length() - ".cfg".length());
            return cfg.get("name", fromFile);
        }).collect(Collectors.toSet());
    }

    static Path home() {
        String home = System.getProperty("mailroot.home");
        if (home != null) {
            return Paths.get(home);
        }
        try { // lib/mailroot-launcher.jar -> the distribution folder
            Path jar = Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(jar) ? jar.getParent().getParent() : Paths.get("");
        } catch (Exception e) {
            return Paths.get("");
        }
    }

    static Path base(Path home) {
        String base = System.getProperty("mailroot.base");
        if (base == null || base.isBlank()) {
            base = System.getenv("MAILROOT_BASE");
        }
        return base == null || base.isBlank() ? home : Paths.get(base);
    }
}
