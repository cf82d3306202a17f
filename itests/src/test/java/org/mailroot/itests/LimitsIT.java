package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.Messages;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.ServerExtension.Listener;
import org.mailroot.itests.harness.Smtp;
import org.mailroot.itests.harness.Smtp.Reply;

/** The listener's limits (CONVENTIONS.md, org.mailroot.listener) over a real socket. */
class LimitsIT {
    private static final Duration DELIVERY = Duration.ofSeconds(20);
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    @Listener("maxMessageSizeKb=64")
    void declaredSizeOverTheLimitIs552() throws Exception {
        try (Smtp smtp = Smtp.open(server.port())) {
            Reply ehlo = smtp.ehlo();
            assertTrue(ehlo.has("SIZE 65536"), "SIZE advertises 64 KiB in bytes (RFC 1870 4): " + ehlo);
            Reply mail = smtp.command("MAIL FROM:<big@client.example> SIZE=10000000");
            assertEquals(552, mail.code(), "RFC 1870 6.1: declared size exceeds the fixed limit: " + mail);
            assertEquals(250, smtp.command("MAIL FROM:<small@client.example> SIZE=1000").code());
        }
    }

    @Test
    @Listener("maxMessageSizeKb=64")
    void undeclaredOversizedDataIs552AndNotDelivered() throws Exception {
        String subject = "oversized-" + UUID.randomUUID();
        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            assertEquals(250, smtp.command("MAIL FROM:<big@client.example>").code());
            assertEquals(250, smtp.command("RCPT TO:<user@example.com>").code());
            String line = "x".repeat(76);
            Reply end = smtp.data("Subject: " + subject + "\r\n\r\n" + (line + "\r\n").repeat(1500)); // ~117 KiB
            assertEquals(552, end.code(), "RFC 5321 4.5.3.1.10 / RFC 1870 6.2: too much mail data: " + end);
            assertEquals(250, smtp.command("NOOP").code(), "the session survives");
        }
        String marker = Messages.marker(server.get(), DELIVERY).path().getFileName().toString();
        assertTrue(server.instance().dropFolder().allWith("Subject", subject).isEmpty(),
                "the oversized message must not be delivered (marker " + marker + " arrived)");
    }

    @Test
    void recipient101Is452() throws Exception {
        String subject = "hundred-" + UUID.randomUUID();
        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            assertEquals(250, smtp.command("MAIL FROM:<many@client.example>").code());
            for (int i = 1; i <= 100; i++) {
                Reply r = smtp.command("RCPT TO:<user" + i + "@example.com>");
                assertEquals(250, r.code(), "recipient " + i + ": " + r);
            }
            Reply r101 = smtp.command("RCPT TO:<user101@example.com>");
            assertEquals(452, r101.code(), "RFC 5321 4.5.3.1.8: too many recipients is 452: " + r101);
            assertEquals(250, smtp.data("Subject: " + subject + "\r\n\r\nto a hundred").code());
        }
        // the 100 accepted recipients are delivered, the 101st is not
        Duration wait = Duration.ofSeconds(30);
        List<String> receivers = Await.until(wait, "100 receivers of " + subject, () -> {
            List<String> all = server.instance().dropFolder().allWith("Subject", subject).stream()
                    .flatMap(m -> m.xReceivers().stream()).toList();
            return all.size() >= 100 ? all : null;
        });
        assertEquals(100, receivers.size());
        assertTrue(receivers.stream().noneMatch(r -> r.contains("user101@")), "user101 was refused");
    }

    @Test
    @Listener("maxConnections=2")
    void thirdConnectionOverMaxConnectionsIs421() throws Exception {
        try (Smtp a = openOnceProbesAreGone(); Smtp b = Smtp.open(server.port())) {
            try (Smtp c = Smtp.connect(server.port())) {
                Reply third = c.read();
                assertEquals(421, third.code(), "RFC 5321 3.8: service not available: " + third);
                assertTrue(c.closedByServer(), "the refused connection is closed");
            }
            assertEquals(250, a.command("NOOP").code(), "open sessions are untouched");
            assertEquals(250, b.command("NOOP").code(), "open sessions are untouched");
        }
        server.get().awaitGreeting(Duration.ofSeconds(10)); // slots are freed when sessions close
    }

    /**
     * The harness's readiness probes (connect, 220, QUIT) hold a slot until the server has seen
     * them close, a moment after the client did: wait for that rather than race it.
     */
    private Smtp openOnceProbesAreGone() {
        return Await.until(Duration.ofSeconds(10), "a free connection slot", () -> {
            try {
                return Smtp.open(server.port());
            } catch (IOException e) {
                return null; // 421: a probe's slot is still held
            }
        });
    }

    @Test
    @Listener("idleTimeoutSeconds=1")
    void idleSessionGets421() throws Exception {
        try (Smtp smtp = Smtp.open(server.port())) {
            long started = System.nanoTime();
            Reply timeout = smtp.read(); // blocks until the server speaks (read timeout 10 s)
            long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertEquals(421, timeout.code(), "RFC 5321 4.5.3.2: idle timeout closes with 421: " + timeout);
            assertTrue(waited >= 800, "not before the configured second: " + waited + " ms");
            assertTrue(smtp.closedByServer(), "the connection is closed after the 421");
        }
    }

    @Test
    void commandLineOver512Is500() throws Exception {
        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            Reply longLine = smtp.command("NOOP " + "x".repeat(600));
            assertEquals(500, longLine.code(), "RFC 5321 4.5.3.1.4: command line too long: " + longLine);
            assertEquals(250, smtp.command("NOOP").code(), "the session resynchronises at the next CRLF");
        }
    }
}
