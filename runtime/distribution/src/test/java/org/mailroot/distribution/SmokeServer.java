package org.mailroot.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One assembled distribution run as an operator runs it: bin/mailroot run in a child process on a
 * fresh instance (MAILROOT_BASE) whose virtual servers listen on loopback only, on a free port
 * (the default one) or any free port (0, the others). Stopped with SIGTERM.
 */
final class SmokeServer implements AutoCloseable {
    final Path dist;
    final Path base;
    final int port;
    private final Process process;

    private SmokeServer(Path dist, Path base, int port, Process process) {
        this.dist = dist;
        this.base = base;
        this.port = port;
        this.process = process;
    }

    static SmokeServer start(Path dist, Path base) throws IOException {
        int port = freePort();
        Path etc = Files.createDirectories(base.resolve("etc"));
        try (Stream<Path> files = Files.list(dist.resolve("etc"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                String text = Files.readString(f);
                if (name.startsWith("org.mailroot.listener~")) {
                    text = set(set(text, "bindAddress", "127.0.0.1"), "port",
                            name.equals("org.mailroot.listener~default.cfg") ? Integer.toString(port) : "0");
                }
                if (name.equals("org.mailroot.admin.cfg")) {
                    text = set(text, "port", "0"); // the admin endpoint too: never the shared default port
                }
                Files.writeString(etc.resolve(name), text);
            }
        }
        ProcessBuilder pb = new ProcessBuilder(dist.resolve("bin/mailroot").toString(), "run")
                .redirectErrorStream(true).redirectOutput(base.resolve("console.log").toFile());
        pb.environment().put("MAILROOT_BASE", base.toString());
        return new SmokeServer(dist, base, port, pb.start());
    }

    /**
     * Waits for "Mailroot started" (printed once etc/ is applied: local domains known), then sends one
     * message and returns the reply to the end of DATA.
     */
    String send(String rcpt, String subject, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!console().contains("\nMailroot started")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("bin/mailroot did not start\n" + console());
            }
            Thread.sleep(100); // the console is a file: nothing to await but its content
        }
        try (Socket s = connect(timeout)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            expect(in, "220"); // RFC 5321 4.3.1 greeting
            for (String[] step : new String[][] {{"EHLO smoke.test", "250"}, {"MAIL FROM:<smoke@example.org>", "250"},
                    {"RCPT TO:<" + rcpt + ">", "250"}, {"DATA", "354"}}) {
                out.write((step[0] + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, step[1]);
            }
            out.write(("Subject: " + subject + "\r\n\r\nsmoke test\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = expect(in, "250"); // RFC 5321 4.1.1.4: 250 once the message is safe
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply;
        }
    }

    /** SIGTERM (bin/mailroot exec's java: this process is the server JVM); the exit code. */
    int sigterm(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running " + timeout.toSeconds() + " s after SIGTERM\n" + console());
        }
        return process.exitValue();
    }

    String console() {
        try {
            return Files.readString(base.resolve("console.log"));
        } catch (IOException e) {
            return "(no console: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Socket connect(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("bin/mailroot exited with " + process.exitValue() + "\n" + console());
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                socket.setSoTimeout(15_000);
                return socket;
            } catch (ConnectException e) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no listener on " + port + "\n" + console(), e);
                }
                Thread.sleep(100); // a port has no readiness event to await
            }
        }
    }

    private static String expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new AssertionError("expected " + code + ", got " + line);
            }
        } while (line.charAt(3) == '-');
        return line;
    }

    private static String set(String text, String key, String value) {
        Matcher m = Pattern.compile("(?m)^" + key + "=.*$").matcher(text);
        return m.find() ? m.replaceFirst(key + "=" + value) : text + "\n" + key + "=" + value + "\n";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
