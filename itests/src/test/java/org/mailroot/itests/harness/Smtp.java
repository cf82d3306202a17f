package org.mailroot.itests.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw SMTP client over a plain socket: what a test needs to send exact bytes (bare LF, BDAT,
 * pipelined commands, over-long lines) and to read every reply line.
 */
public final class Smtp implements AutoCloseable {
    /** One reply: the code and its lines (text after "250-" / "250 "). */
    public record Reply(int code, List<String> lines) {
        public String text() {
            return String.join(" | ", lines);
        }

        public boolean has(String keyword) {
            return lines.stream().anyMatch(l -> l.toUpperCase().startsWith(keyword.toUpperCase()));
        }

        @Override
        public String toString() {
            return code + " " + text();
        }
    }

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private Smtp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    public static Smtp connect(int port) throws IOException {
        return connect(port, 10_000);
    }

    public static Smtp connect(int port, int readTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        socket.setSoTimeout(readTimeoutMillis);
        return new Smtp(socket);
    }

    /**
     * Connects from a chosen local address (any 127.x.y.z is this machine's loopback on Linux),
     * so a test can be several clients; reads nothing.
     */
    public static Smtp connectFrom(InetAddress local, InetAddress server, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(new InetSocketAddress(server, port), 5_000);
        socket.setSoTimeout(10_000);
        return new Smtp(socket);
    }

    /** Connects from a chosen 127.x.y.z address to the loopback server and reads the greeting. */
    public static Smtp openFrom(String localIp, int port) throws IOException {
        Smtp smtp = connectFrom(InetAddress.getByName(localIp), InetAddress.getLoopbackAddress(), port);
        Reply greeting = smtp.read();
        if (greeting.code() != 220) {
            smtp.close();
            throw new IOException("expected 220 greeting from " + localIp + ", got " + greeting);
        }
        return smtp;
    }

    /** Connects and reads the greeting. */
    /**
     * The first reply of a new connection (read timeout readTimeoutMillis), or -1 when it cannot
     * connect or read at all.
     */
    public static int greeting(int port, int readTimeoutMillis) {
        try (Smtp smtp = connect(port, readTimeoutMillis)) {
            return smtp.read().code();
        } catch (IOException e) {
            return -1;
        }
    }

    public static Smtp open(int port) throws IOException {
        Smtp smtp = connect(port);
        Reply greeting = smtp.read();
        if (greeting.code() != 220) {
            smtp.close();
            throw new IOException("expected 220 greeting, got " + greeting);
        }
        return smtp;
    }

    public Reply command(String line) throws IOException {
        send(line + "\r\n");
        return read();
    }

    public Reply ehlo() throws IOException {
        return command("EHLO client.itest.example");
    }

    public void send(String raw) throws IOException {
        send(raw.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** Reads one (possibly multi-line) reply; IOException when the server closed the connection. */
    public Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed by the server after " + lines);
            }
            if (line.length() < 3) {
                throw new IOException("malformed reply line: '" + line + "'");
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
            }
        }
    }

    /** True when the server has closed the connection (end of stream or a reset); false on a read timeout. */
    public boolean closedByServer() {
        try {
            return in.read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false; // still open: the server just did not close it within the read timeout
        } catch (java.net.SocketException e) {
            // Only a reset by the server counts as closed, not e.g. our own socket being closed.
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            return message.contains("reset");
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends a whole 7-bit/8-bit message through DATA with dot-stuffing; returns the final reply. */
    public Reply data(String message) throws IOException {
        Reply go = command("DATA");
        if (go.code() != 354) {
            return go;
        }
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\r?\n", -1)) {
            sb.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
        }
        send(sb + ".\r\n");
        return read();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
