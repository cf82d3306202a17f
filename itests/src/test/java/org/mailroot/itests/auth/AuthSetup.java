package org.mailroot.itests.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailroot.itests.harness.Distribution;
import org.mailroot.itests.harness.Instance;
import org.mailroot.launcher.user.PasswordSource;
import org.mailroot.launcher.user.UserCommand;
import org.mailroot.launcher.user.UsersFileLocation;

/** Users and auth settings for an instance, written the way an admin does (the `user` command). */
final class AuthSetup {
    static final String ALICE = "alice@example.com";
    static final String ALICE_PASSWORD = "correct horse battery";

    private AuthSetup() {
    }

    /** `mailroot user add --password-stdin --iterations 4096 [--alias ...] NAME`, in-process. */
    static void addUser(Instance instance, String name, String password, String... aliases) {
        List<String> args = new ArrayList<>(List.of("add", "--password-stdin", "--iterations", "4096"));
        if (aliases.length > 0) {
            args.add("--alias");
            args.add(String.join(",", aliases));
        }
        args.add(name);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new UserCommand(UsersFileLocation.of(instance.base()),
                new PasswordSource(null, new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8))),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        if (exit != 0) {
            throw new IllegalStateException("user add failed: " + err.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * The submission listener with AUTH allowed in plaintext and requireAuth, plus the auth keys
     * given: for the tests of AUTH itself. {@link #tlsSubmission} is the shipped TLS setup.
     */
    static void plaintextSubmission(Instance instance, String... authKeys) {
        instance.write("org.mailroot.listener~submission.cfg", Map.of("name", "submission",
                "bindAddress", "127.0.0.1", "port", Integer.toString(instance.submissionPort()),
                "serverName", Instance.SERVER_NAME, "requireAuth", "true", "allowPlaintextAuth", "true"));
        authConfig(instance, authKeys);
    }

    /**
     * The distribution's defaults for the two submission servers, on this instance's ports:
     * submission with STARTTLS required and AUTH required, smtps with implicit TLS and AUTH
     * required; no allowPlaintextAuth anywhere. Plus the auth keys given (key=value).
     */
    static void tlsSubmission(Instance instance, String... authKeys) {
        instance.write(Instance.SUBMISSION_CFG, Map.of("name", "submission", "bindAddress", "127.0.0.1",
                "port", Integer.toString(instance.submissionPort()), "serverName", Instance.SERVER_NAME,
                "tls", "starttls", "requireTls", "true", "requireAuth", "true"));
        instance.write(Instance.SMTPS_CFG, Map.of("name", "smtps", "bindAddress", "127.0.0.1",
                "port", Integer.toString(instance.smtpsPort()), "serverName", Instance.SERVER_NAME,
                "tls", "implicit", "requireAuth", "true"));
        authConfig(instance, authKeys);
    }

    private static void authConfig(Instance instance, String... authKeys) {
        Map<String, String> auth = new LinkedHashMap<>();
        auth.put("usersFile", "etc/users");
        for (String kv : authKeys) {
            int eq = kv.indexOf('=');
            auth.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        instance.write("org.mailroot.auth.cfg", auth);
    }

    /**
     * The real {@code bin/mailroot user add --password-stdin} of the assembled distribution, as an
     * admin runs it (it reads the instance's etc/org.mailroot.auth.cfg, e.g. cramMd5).
     */
    static String cliAddUser(Instance instance, String name, String password, String... options) {
        List<String> command = new ArrayList<>(List.of(Distribution.home().resolve("bin/mailroot").toString(),
                "user", "add", "--password-stdin", "--iterations", "4096"));
        command.addAll(List.of(options));
        command.add(name);
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("MAILROOT_BASE", instance.base().toString());
            Process p = pb.start();
            try (java.io.OutputStream in = p.getOutputStream()) {
                in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("bin/mailroot user add failed: " + out);
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String plain(String user, String password) {
        return b64("\0" + user + "\0" + password);
    }
}
