package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.DnsResponder;
import org.mailroot.itests.harness.RelayReady;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.ServerExtension.Listener;
import org.mailroot.itests.harness.Smtp;

/**
 * IIS connection control in the real framework: a deny list and a grant list by address, CIDR
 * block (IPv4 and IPv6) and verified domain name; a refused client gets 554 5.7.1 instead of the
 * greeting and is disconnected (RFC 5321 §3.1). Rule changes apply live.
 */
class ConnectionControlIT {
    private static final Duration APPLIED = Duration.ofSeconds(10);
    private final DnsResponder dns = newResponder();

    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance -> instance.write(RelayIT.RELAY_CFG,
            Map.of("connectionList", "127.0.0.20, 127.0.2.0/24, bad.test, ::1/128", "dnsServers", dns.address())));

    @BeforeEach
    void relayReady() {
        RelayReady.await(server.get());
    }

    private static DnsResponder newResponder() {
        try {
            return new DnsResponder()
                    .ptr("127.0.0.40", "mx.bad.test").a("mx.bad.test", "127.0.0.40")
                    .ptr("127.0.0.41", "spoof.bad.test").a("spoof.bad.test", "127.0.0.99")
                    .ptr("127.0.0.50", "mx.good.test").a("mx.good.test", "127.0.0.50");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopDns() {
        dns.close();
    }

    /** The first reply a client at clientIp gets from a server at serverIp, and whether the server then closed. */
    private String greeting(String clientIp, String serverIp) {
        try (Smtp smtp = Smtp.connectFrom(InetAddress.getByName(clientIp), InetAddress.getByName(serverIp), server.port())) {
            Smtp.Reply first = smtp.read();
            return first.code() + (first.code() == 220 ? "" : " " + first.text() + (smtp.closedByServer() ? " closed" : " open"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String greeting(String clientIp) {
        return greeting(clientIp, "127.0.0.1");
    }

    @Test
    @Listener("bindAddress=127.0.0.1,::1")
    void denyListByAddressBlockAndName() throws Exception {
        assertEquals("554 5.7.1 Access denied for 127.0.0.20 closed", greeting("127.0.0.20"));
        assertEquals("554 5.7.1 Access denied for 127.0.2.33 closed", greeting("127.0.2.33"), "in 127.0.2.0/24");
        assertTrue(greeting("::1", "::1").startsWith("554 5.7.1 Access denied for 0:0:0:0:0:0:0:1 closed"), "IPv6 block");
        assertEquals("554 5.7.1 Access denied for 127.0.0.40 closed", greeting("127.0.0.40"), "verified name in bad.test");
        assertTrue(dns.questions().contains("mx.bad.test. A"), dns.questions().toString());
        assertEquals("220", greeting("127.0.0.41"), "its PTR claims bad.test but is not confirmed");
        assertEquals("220", greeting("127.0.0.21"));
        assertEquals("220", greeting("127.0.0.50"));
    }

    @Test
    void grantListAppliedLive() throws Exception {
        assertEquals("220", greeting("127.0.0.30"));
        server.instance().write(RelayIT.RELAY_CFG, Map.of("connectionPolicy", "onlyListed",
                "connectionList", "127.0.0.30, 127.0.3.0/24, good.test", "dnsServers", dns.address()));
        Await.until(APPLIED, "onlyListed applied", () -> greeting("127.0.0.31").startsWith("554"));
        assertEquals("554 5.7.1 Access denied for 127.0.0.31 closed", greeting("127.0.0.31"));
        assertEquals("220", greeting("127.0.0.30"));
        assertEquals("220", greeting("127.0.3.200"));
        assertEquals("220", greeting("127.0.0.50"), "granted by its verified name mx.good.test");
        assertEquals("554 5.7.1 Access denied for 127.0.0.40 closed", greeting("127.0.0.40"), "verified, another domain");
        try (Smtp smtp = Smtp.openFrom("127.0.0.30", server.port())) {
            assertEquals(250, smtp.ehlo().code(), "a granted client goes on as usual");
        }
    }
}
