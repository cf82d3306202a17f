package org.mailroot.launcher.user;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.mailroot.auth.store.Scram;

/** The parsed arguments of {@code mailroot user}; refuses a password given as an argument. */
record UserArgs(String action, String name, boolean passwordStdin, List<String> aliases,
        int iterations, boolean help, boolean cramMd5) {
    private static final Set<String> ACTIONS = Set.of("add", "passwd", "remove", "list", "aliases");

    static UserArgs parse(List<String> args) {
        if (args.contains("--help") || args.contains("-h") || args.isEmpty()) {
            return new UserArgs("help", null, false, List.of(), 0, true, false);
        }
        String action = args.get(0);
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("unknown action '" + action + "'; allowed: add, passwd, remove, list, aliases");
        }
        boolean stdin = false;
        boolean cram = false;
        List<String> aliases = List.of();
        int iterations = Scram.DEFAULT_ITERATIONS;
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--password") || a.startsWith("--password=") || a.equals("-p")) {
                throw new IllegalArgumentException("a password is never taken as an argument (it would"
                        + " show in ps and the shell history): answer the prompt, or pipe it with --password-stdin");
            } else if (a.equals("--password-stdin")) {
                stdin = true;
            } else if (a.equals("--cram-md5")) {
                if (!action.equals("add") && !action.equals("passwd")) {
                    throw new IllegalArgumentException("--cram-md5 goes with add or passwd (it is derived from the password)");
                }
                cram = true;
            } else if (a.equals("--alias") || a.equals("--aliases")) {
                aliases = list(value(args, ++i, a));
            } else if (a.equals("--iterations")) {
                iterations = iterations(value(args, ++i, a));
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else {
                positional.add(a);
            }
        }
        int expected = switch (action) {
            case "list" -> 0;
            case "aliases" -> positional.size() == 1 ? 1 : 2;
            default -> 1;
        };
        if (positional.size() != expected) {
            throw new IllegalArgumentException(action + " takes " + (expected == 0 ? "no name"
                    : "the user name" + (action.equals("aliases") ? " and a comma list of addresses" : ""))
                    + ", got " + positional.size() + " argument(s)"
                    + (positional.size() > expected && !action.equals("list") ? " (passwords are never arguments)" : ""));
        }
        if (action.equals("aliases") && positional.size() == 2) {
            aliases = list(positional.get(1));
        }
        return new UserArgs(action, expected == 0 ? null : positional.get(0), stdin, aliases, iterations, false, cram);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static List<String> list(String commaList) {
        return Arrays.stream(commaList.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int iterations(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= Scram.MIN_ITERATIONS && n <= 10_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--iterations=" + value + "; allowed: " + Scram.MIN_ITERATIONS + "..10000000");
    }
}
