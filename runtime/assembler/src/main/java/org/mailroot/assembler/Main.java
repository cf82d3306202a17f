package org.mailroot.assembler;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mailroot.launcher.feature.FeatureFiles;
import org.osgi.service.feature.Feature;

/**
 * {@code assemble [options] DISTRIBUTION|FILE.json ...}: composes each distribution, checks that
 * its bundles resolve, and writes the runnable folder and .tar.gz. Exit 0 done, 1 failed, 2 usage.
 */
public final class Main {
    static final String HELP = """
            Usage: assemble [options] DISTRIBUTION|FILE.json ...

            Assembles a runnable Mailroot distribution (a folder and a .tar.gz) holding exactly the
            bundles of its features, after checking with bnd's resolver that they resolve together.
            DISTRIBUTION is a distribution feature of the feature folder (minimal, standard, isp); FILE.json
            is your own distribution file: an OSGi feature with a "mailroot-distribution" extension that
            starts from one of ours, adds bundles and features, removes ours, overrides configuration
            and sets variables (docs/features.md; example: features/examples/example-isp.json).

            Options:
              --out DIR        where to write NAME-VERSION/ and NAME-VERSION.tar.gz (default: target/)
              --features DIR   the feature folder (default: features/)
              --template DIR   bin/, lib/ and etc/ of the distribution to start from
                               (default: runtime/distribution/target/template, made by the build)
              --repo DIR       a Maven repository layout searched first for bundles (repeatable);
                               then ~/.m2/repository, then Maven Central (through mvn dependency:get)
              --offline        never download
              --check          only check that the distribution resolves; write nothing
              -h, --help       this help

            A bundle that cannot be found, or that does not resolve, fails the assembly with the
            missing artifact or requirement named (exit 1).""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command without System.exit: returns the exit code (the build's smoke test calls it). */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        Path out = Path.of("target");
        Path features = Path.of("features");
        Path template = Path.of("runtime/distribution/target/template");
        List<Path> repos = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        boolean offline = false;
        boolean check = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-h", "--help" -> {
                        stdout.println(HELP);
                        return 0;
                    }
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--features" -> features = Path.of(value(args, ++i));
                    case "--template" -> template = Path.of(value(args, ++i));
                    case "--repo" -> repos.add(Path.of(value(args, ++i)));
                    case "--offline" -> offline = true;
                    case "--check" -> check = true;
                    default -> {
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        targets.add(args[i]);
                    }
                }
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("name a distribution (minimal, standard, isp) or a FILE.json");
            }
        } catch (IllegalArgumentException e) {
            stderr.println("assemble: " + e.getMessage() + "\n\n" + HELP);
            return 2;
        }
        try {
            Library library = new Library(features);
            Artifacts artifacts = new Artifacts(repos, offline);
            for (String target : targets) {
                Composition c = composition(target, library);
                Assembly.assemble(c, library, template, out, artifacts, check, stdout);
            }
            return 0;
        } catch (ResolveCheck.ResolveFailure e) {
            stderr.println("assemble: the bundles do not resolve:\n" + e.getMessage());
            return 1;
        } catch (Exception e) {
            stderr.println("assemble: " + e.getMessage());
            return 1;
        }
    }

    private static Composition composition(String target, Library library) throws Exception {
        Path file = Path.of(target);
        if (target.endsWith(".json") || Files.isRegularFile(file)) {
            Feature root = FeatureFiles.read(file);
            return Composition.of(FeatureFiles.name(file), root, library);
        }
        return Composition.of(target, library.get(target, "The command line"), library);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
