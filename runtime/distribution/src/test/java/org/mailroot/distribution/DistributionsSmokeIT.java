package org.mailroot.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every distribution the build assembles (minimal, standard, isp), and the example ISP file
 * assembled here with the assembler's command: started out of process as an operator would, takes a
 * message over SMTP, delivers it to Drop/, runs exactly the bundles of its system/, stops on
 * SIGTERM with exit 0.
 */
class DistributionsSmokeIT {
    private static final Duration START = Duration.ofSeconds(60);

    static Stream<Path> distributions() {
        return Arrays.stream(System.getProperty("mailroot.dists").split(",")).map(Paths::get);
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void startsTakesAMessageAndStops(Path dist, @TempDir Path base) throws Exception {
        smoke(dist, base, "postmaster@localhost");
    }

    @Test
    void theExampleIspFileAssemblesAndRuns(@TempDir Path out, @TempDir Path base) throws Exception {
        Path root = Paths.get(System.getProperty("mailroot.root"));
        // the command ./assemble runs (its own JVM, the assembler's class path), on the example file
        Path assembler = Paths.get(System.getProperty("mailroot.assembler"));
        Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", assembler.resolve("mailroot-assembler-" + System.getProperty("mailroot.version") + ".jar") + File.pathSeparator
                        + assembler.resolve("lib") + File.separator + "*",
                "org.mailroot.assembler.Main", "--features", root.resolve("features").toString(),
                "--template", System.getProperty("mailroot.template"), "--repo", System.getProperty("mailroot.repository"),
                "--out", out.toString(), root.resolve("features/examples/example-isp.json").toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        assertTrue(log.contains("example-isp: wrote"), log);
        Path dist = out.resolve("example-isp-mail-1.0.0");
        assertTrue(Files.isRegularFile(out.resolve("example-isp-mail-1.0.0.tar.gz")));
        assertTrue(Files.isRegularFile(dist.resolve("system/com/h2database/h2/2.5.252/h2-2.5.252.jar")), "added bundle");
        assertTrue(Files.notExists(dist.resolve("system/org/mailroot/mailroot-events")), "removed bundle");
        assertTrue(Files.notExists(dist.resolve("etc/org.mailroot.domain~localhost.cfg")), "removed configuration");
        assertTrue(Files.readString(dist.resolve("etc/org.mailroot.listener~default.cfg")).contains("\nbanner=example-isp.net ESMTP\n"));
        // example-isp.net: a '-' in a factory configuration name (etc/org.mailroot.domain~example-isp.net.cfg)
        String console = smoke(dist, base, "postmaster@example-isp.net");
        assertTrue(console.contains("com.h2database"), "the ISP's bundle runs:\n" + console);
    }

    /** Start, one message into Drop/, exactly system/'s bundles active, SIGTERM, exit 0; returns the console. */
    private static String smoke(Path dist, Path base, String rcpt) throws Exception {
        assertTrue(Files.isExecutable(dist.resolve("bin/mailroot")), dist + " has no bin/mailroot");
        String subject = "smoke " + dist.getFileName() + " " + System.nanoTime();
        try (SmokeServer server = SmokeServer.start(dist, base)) {
            server.send(rcpt, subject, START);
            Path drop = base.resolve("mailroot/Drop");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!delivered(drop, subject)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not in " + drop + "\n" + server.console());
                }
                Thread.sleep(100); // delivery writes a file: no event to await from outside the process
            }
            String console = server.console();
            long active = console.lines().filter(l -> l.startsWith("  ACTIVE ")).count();
            assertEquals(jars(dist.resolve("system")), active, "every bundle of system/ active, no other:\n" + console);
            assertEquals(0, server.sigterm(Duration.ofSeconds(60)), "exit code after SIGTERM\n" + server.console());
            return server.console();
        }
    }

    private static boolean delivered(Path drop, String subject) throws IOException {
        try (Stream<Path> files = Files.walk(drop)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.readString(f).contains("Subject: " + subject)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long jars(Path system) throws IOException {
        try (Stream<Path> files = Files.walk(system)) {
            return files.filter(p -> p.toString().endsWith(".jar")).count();
        }
    }
}
