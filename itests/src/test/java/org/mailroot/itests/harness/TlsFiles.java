package org.mailroot.itests.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * Test certificates made with the real tools an admin uses: {@code openssl req} for a PEM pair
 * (as certbot leaves them: fullchain.pem + privkey.pem) and {@code keytool} for PKCS#12.
 */
public final class TlsFiles {
    private TlsFiles() {
    }

    /** Writes fullchain.pem and privkey.pem for {@code name} into {@code dir}, replacing any (atomically, as certbot). */
    public static void pemPair(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Path key = dir.resolve(".privkey.new");
        Path cert = dir.resolve(".fullchain.new");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-days", "2", "-subj", "/CN=" + name,
                "-addext", "subjectAltName=DNS:" + name);
        Files.move(key, dir.resolve("privkey.pem"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(cert, dir.resolve("fullchain.pem"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Adds a key entry for {@code name} (alias = name) to a PKCS#12 store. */
    public static void pkcs12Entry(Path store, String password, String name) throws Exception {
        run("keytool", "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=" + name, "-ext", "san=dns:" + name, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", password, "-keypass", password);
    }

    /** Runs a tool that must succeed; returns its output. */
    public static String run(String... command) throws Exception {
        Result r = output(command);
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (exit " + r.exit() + "):\n" + r.text());
        }
        return r.text();
    }

    /** What a tool printed (stdout and stderr) and its exit code. */
    public record Result(int exit, String text) {
    }

    /** Runs a tool with no input (so openssl s_client ends after the handshake). */
    public static Result output(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is required by this test but could not be run: " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), out);
    }
}
