package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailroot.smtp.net.SmtpServer;
import org.mailroot.smtp.test.FakeServer;

/** The real Netty server on 127.0.0.1, port 0: bind, a transaction, pause, graceful shutdown. */
class ServerSocketTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final FakeServer server = FakeServer.acceptingExampleOrg();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Client(InetSocketAddress a) throws Exception {
            socket = new Socket(a.getAddress(), a.getPort());
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        String send(String s) throws Exception {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply();
        }

        String reply() throws Exception {
            String line;
            do {
                line = in.readLine();
            } while (line != null && line.length() > 3 && line.charAt(3) == '-');
            return line;
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    @Test
    void servesAndShutsDownGracefully() throws Exception {
        server.workers = pool;
        server.settings = new ListenerSettings("default", List.of("127.0.0.1"), 0, "mx.example.org", "",
                1 << 20, 10 << 20, 100, 0, 600, 512, 1000, false, 30);
        SmtpServer smtp = new SmtpServer(server);
        List<InetSocketAddress> bound = smtp.bind();
        assertTrue(bound.get(0).getPort() > 0);
        try (Client busy = new Client(bound.get(0)); Client idle = new Client(bound.get(0))) {
            assertEquals("220 mx.example.org ESMTP Mailroot ready", busy.reply());
            assertEquals("220 mx.example.org ESMTP Mailroot ready", idle.reply());
            assertEquals("250 HELP", busy.send("EHLO me\r\n"));
            assertEquals("250 2.1.0 Sender ok", busy.send("MAIL FROM:<a@sender.example>\r\n"));
            assertEquals("250 2.1.5 Recipient ok", busy.send("RCPT TO:<bob@example.org>\r\n"));
            assertEquals("354 End data with <CR><LF>.<CR><LF>", busy.send("DATA\r\n"));

            server.settings = server.settings.withConnections(0, true);
            try (Client refused = new Client(bound.get(0))) {
                assertEquals("421 4.3.2 Service paused, try again later", refused.reply());
                assertNull(refused.in.readLine());
            }

            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> smtp.shutdown(10), pool);
            assertEquals("421 4.3.2 Service shutting down, closing connection", idle.reply());
            assertEquals("250 2.0.0 Ok: queued as M1", busy.send("hello\r\n.\r\n"));
            assertEquals("421 4.3.2 Service shutting down, closing connection", busy.reply());
            shutdown.get(30, TimeUnit.SECONDS);
        }
        assertEquals(1, server.fakeSpool().stored.size());
    }
}
