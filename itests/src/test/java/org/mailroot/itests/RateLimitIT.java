package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.RelayReady;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;

/** Per-client rate limits of the relay bundle over real sockets: 421 4.7.0 for connections, 451 4.7.1 for messages. */
class RateLimitIT {
    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance -> instance.write(RelayIT.RELAY_CFG,
            Map.of("maxConnectionsPerMinute", "3", "maxMessagesPerMinute", "2", "relayList", "127.0.0.99")));

    @BeforeEach
    void relayReady() {
        RelayReady.await(server.get());
    }

    @Test
    void connectionsPerClientPerMinute() throws Exception {
        for (int i = 0; i < 3; i++) {
            Smtp.openFrom("127.0.0.60", server.port()).close();
        }
        try (Smtp smtp = Smtp.connectFrom(InetAddress.getByName("127.0.0.60"), InetAddress.getLoopbackAddress(), server.port())) {
            Smtp.Reply fourth = smtp.read();
            assertEquals(421, fourth.code(), fourth.toString());
            assertTrue(fourth.text().startsWith("4.7.0 Too many connections from 127.0.0.60"), fourth.toString());
            assertTrue(smtp.closedByServer(), "421 closes the connection (RFC 5321 §3.8)");
        }
        Smtp.openFrom("127.0.0.61", server.port()).close(); // another client has its own count
        for (int i = 0; i < 5; i++) {
            Smtp.openFrom("127.0.0.99", server.port()).close(); // relay clients are exempt
        }
    }

    @Test
    void messagesPerClientPerMinute() throws Exception {
        try (Smtp smtp = Smtp.openFrom("127.0.0.70", server.port())) {
            smtp.ehlo();
            for (int i = 0; i < 2; i++) {
                assertEquals(250, smtp.command("MAIL FROM:<s@client.example>").code());
                assertEquals(250, smtp.command("RCPT TO:<user@example.com>").code());
                assertEquals(250, smtp.data("Subject: rate " + i + "\r\n\r\nbody").code());
            }
            Smtp.Reply third = smtp.command("MAIL FROM:<s@client.example>");
            assertEquals(451, third.code(), third.toString());
            assertTrue(third.text().startsWith("4.7.1 Too many messages from 127.0.0.70"), third.toString());
            assertEquals(503, smtp.command("RCPT TO:<user@example.com>").code(), "no transaction was opened");
            assertEquals(250, smtp.command("NOOP").code(), "the session goes on");
        }
        try (Smtp other = Smtp.openFrom("127.0.0.71", server.port())) {
            other.ehlo();
            assertEquals(250, other.command("MAIL FROM:<s@client.example>").code(), "counted per client");
        }
        server.instance().dropFolder().await(2, java.time.Duration.ofSeconds(10));
    }
}
