package org.mailroot.itests.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.mailroot.launcher.cli.AdminCommands;

/**
 * The admin endpoint of a running instance: the real CLI code (bin/mailroot feature|config|...,
 * {@link AdminCommands}) and raw HTTP for what the CLI never sends (no token, a wrong one).
 */
public final class Admin {
    /** One CLI run: exit code, standard output and error. */
    public record Cli(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nout: " + out + "\nerr: " + err;
        }
    }

    /** One raw HTTP answer. */
    public record Http(int status, String body) {
    }

    private final Path base;

    public Admin(Instance instance) {
        this.base = instance.base();
    }

    /** The endpoint's URL once the admin bundle has written data/admin.url. */
    public String url() {
        Path file = base.resolve("data/admin.url");
        return Await.until(Duration.ofSeconds(20), "the admin endpoint to write " + file, () -> {
            try {
                return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    public Path tokenFile() {
        return base.resolve("data/admin.token");
    }

    public String token() {
        try {
            return Files.readString(tokenFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Cli cli(String... args) {
        url();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCommands.run(base, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** GET with the given Authorization header value (null: none). */
    public Http get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Http(r.statusCode(), r.body());
    }
}
