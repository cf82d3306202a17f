package org.mailroot.itests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The integrator kit's example bundles as the build made them (bundles/example-*), copied by the
 * itests pom to target/examples (system property mailroot.itests.examples), and the way an
 * operator installs one: an atomic move into deploy/, so FileInstall never reads half a jar.
 */
public final class Examples {
    public static final String VIP_ROUTER = "mailroot-example-vip-router";
    public static final String JSONL_LOG = "mailroot-example-jsonl-log";

    private Examples() {
    }

    /** The built jar of one example, by artifactId. */
    public static Path jar(String artifactId) {
        String dir = System.getProperty("mailroot.itests.examples");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property mailroot.itests.examples is not set: run through Maven");
        }
        Path jar = Path.of(dir).resolve(artifactId + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build with mvn verify -pl itests -am");
        }
        return jar;
    }

    /** Puts bytes into deploy/ under fileName atomically (written beside deploy/, then moved in). */
    public static Path deploy(Instance instance, String fileName, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile(instance.base(), "deploy-", ".part");
            Files.write(tmp, bytes);
            Path target = instance.base().resolve("deploy").resolve(fileName);
            Files.createDirectories(target.getParent());
            return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys one example jar as deploy/&lt;artifactId&gt;.jar. */
    public static Path deploy(Instance instance, String artifactId) {
        try {
            return deploy(instance, artifactId + ".jar", Files.readAllBytes(jar(artifactId)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
