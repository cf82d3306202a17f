package org.mailroot.itests.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The distribution started as an operator would: bin/mailroot run in the foreground, in a child
 * process, MAILROOT_BASE pointing at the test's instance. Its console goes to logs/console-N.log.
 */
public final class OutOfProcessServer implements AutoCloseable {
    private final Instance instance;
    private final Process process;
    private final Path console;

    private OutOfProcessServer(Instance instance, Process process, Path console) {
        this.instance = instance;
        this.process = process;
        this.console = console;
    }

    public static OutOfProcessServer start(Instance instance, int run) throws IOException, InterruptedException {
        Path script = Distribution.home().resolve("bin").resolve("mailroot");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("not executable: " + script);
        }
        Path console = instance.base().resolve("console-" + run + ".log");
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        pb.environment().put("MAILROOT_BASE", instance.base().toString());
        OutOfProcessServer server = new OutOfProcessServer(instance, pb.start(), console);
        try {
            Await.until(Duration.ofSeconds(60), "bin/mailroot run to greet on port " + instance.port(), () -> {
                if (!server.process.isAlive()) {
                    throw new AssertionError("bin/mailroot exited with " + server.process.exitValue() + ":\n" + server.console());
                }
                // as an operator would: the "started" line comes once etc/ is applied (local domains
                // included), not merely when the first listener greets
                if (!server.console().contains("Mailroot started in")) {
                    return false;
                }
                try (Smtp smtp = Smtp.connect(instance.port(), 2_000)) {
                    return smtp.read().code() == 220;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            server.close();
            throw new AssertionError(e.getMessage() + "\nconsole:\n" + server.console(), e);
        }
        return server;
    }

    /**
     * kill -9 of the server JVM itself (not only a shell wrapper): every java process in the tree is
     * killed with SIGKILL; returns how many JVMs were killed.
     */
    public int killJvm() throws InterruptedException {
        ProcessHandle root = process.toHandle();
        List<ProcessHandle> jvms = Stream.concat(Stream.of(root), root.descendants())
                .filter(h -> h.info().command().map(c -> c.endsWith("/java") || c.endsWith("java")).orElse(false))
                .toList();
        jvms.forEach(ProcessHandle::destroyForcibly);
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (ProcessHandle jvm : jvms) {
            jvm.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        }
        process.waitFor(10, TimeUnit.SECONDS);
        return jvms.size();
    }

    /** The server JVM: bin/mailroot exec's java, else the java process under it. */
    public ProcessHandle jvm() {
        ProcessHandle root = process.toHandle();
        return Stream.concat(Stream.of(root), root.descendants())
                .filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no java process under bin/mailroot"));
    }

    /** SIGTERM to the server JVM itself (as kill -TERM &lt;pid&gt; of an operator or init system). */
    public void sigterm() {
        ProcessHandle jvm = jvm();
        if (!jvm.destroy()) {
            throw new IllegalStateException("SIGTERM could not be sent to pid " + jvm.pid());
        }
    }

    /** The exit code of bin/mailroot once it has exited within timeout; AssertionError if it is still running. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("bin/mailroot still running " + timeout.toSeconds() + " s after SIGTERM:\n" + console());
        }
        return process.exitValue();
    }

    public String console() {
        try {
            return Files.readString(console);
        } catch (IOException e) {
            return "(no console: " + e + ")";
        }
    }

    public Instance instance() {
        return instance;
    }

    /** A graceful stop (SIGTERM), then SIGKILL if it lingers. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                killJvm();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
