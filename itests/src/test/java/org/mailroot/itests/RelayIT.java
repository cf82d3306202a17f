package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * Relay restrictions in the real framework over real sockets, clients on distinct loopback
 * addresses (127.x.y.z): IIS defaults (only authenticated clients relay), grants by address,
 * CIDR block and verified domain name through a real DNS responder, and where relayed mail goes.
 * The listener has requireRelayPolicy=true, so a 550 here proves the relay bundle answered (while
 * absent it would be 451).
 */
class RelayIT {
    static final String RELAY_CFG = "org.mailroot.relay~default.cfg";
    private static final Duration APPLIED = Duration.ofSeconds(10);
    private final DnsResponder dns = newResponder();

    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance ->
            instance.write(RELAY_CFG, Map.of("dnsServers", dns.address(), "dnsTimeoutSeconds", "2")));

    @BeforeEach
    void relayReady() {
        RelayReady.await(server.get());
    }

    private static DnsResponder newResponder() {
        try {
            return new DnsResponder()
                    .ptr("127.0.0.7", "host.relay.test").a("host.relay.test", "127.0.0.7")
                    .ptr("127.0.0.8", "liar.relay.test").a("liar.relay.test", "127.0.0.99");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopDns() {
        dns.close();
    }

    /** The reply to RCPT TO:<rcpt> from a client at clientIp. */
    private Smtp.Reply rcpt(String clientIp, String rcpt) {
        try (Smtp smtp = Smtp.openFrom(clientIp, server.port())) {
            smtp.ehlo();
            assertEquals(250, smtp.command("MAIL FROM:<sender@client.example>").code());
            return smtp.command("RCPT TO:<" + rcpt + ">");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Listener("requireRelayPolicy=true")
    void iisDefaultNobodyRelaysNotEvenLocalhost() throws Exception {
        Smtp.Reply far = rcpt("127.0.0.1", "someone@remote.test");
        assertEquals(550, far.code(), far.toString());
        assertTrue(far.text().startsWith("5.7.1"), far.toString());
        assertEquals(250, rcpt("127.0.0.1", "user@example.com").code(), "local mail is not relaying");
    }

    @Test
    @Listener("requireRelayPolicy=true")
    void grantedToAnAddressAndABlockOnly() throws Exception {
        server.instance().write(RELAY_CFG, Map.of("relayList", "127.0.0.5, 127.0.1.0/24"));
        Await.until(APPLIED, "relayList applied", () -> rcpt("127.0.0.5", "a@remote.test").code() == 250);
        assertEquals(250, rcpt("127.0.1.9", "b@remote.test").code(), "in 127.0.1.0/24");
        Smtp.Reply denied = rcpt("127.0.0.6", "c@remote.test");
        assertEquals(550, denied.code(), "not listed: " + denied);
        assertTrue(denied.text().startsWith("5.7.1"), denied.toString());
        assertEquals(550, rcpt("127.0.2.1", "d@remote.test").code(), "outside the block");
        assertEquals(Boolean.TRUE, relayHookProperty("mailroot.hook.nonblocking"), "addresses only: called on the event loop");
    }

    /** A service property of the relay bundle's RelayPolicy. */
    private Object relayHookProperty(String key) throws Exception {
        var refs = server.get().context().getAllServiceReferences("org.mailroot.api.hook.RelayPolicy",
                "(component.name=org.mailroot.relay~default/relay)");
        assertEquals(1, refs == null ? 0 : refs.length, "one relay policy of the relay bundle");
        return refs[0].getProperty(key);
    }

    @Test
    @Listener("requireRelayPolicy=true")
    void grantedToAVerifiedDomainNotToAnUnconfirmedName() throws Exception {
        server.instance().write(RELAY_CFG, Map.of("relayList", "relay.test", "dnsServers", dns.address()));
        Await.until(APPLIED, "relayList=relay.test applied", () -> rcpt("127.0.0.7", "a@remote.test").code() == 250);
        assertTrue(dns.questions().contains("7.0.0.127.in-addr.arpa. PTR"), dns.questions().toString());
        assertTrue(dns.questions().contains("host.relay.test. A"), "forward-confirmed: " + dns.questions());
        Smtp.Reply liar = rcpt("127.0.0.8", "b@remote.test");
        assertEquals(550, liar.code(), "PTR says liar.relay.test but its A record is another address: " + liar);
        assertTrue(dns.questions().contains("liar.relay.test. A"), dns.questions().toString());
        assertEquals(550, rcpt("127.0.0.9", "c@remote.test").code(), "no PTR at all");
        assertEquals(Boolean.FALSE, relayHookProperty("mailroot.hook.nonblocking"), "a domain entry: runs on a worker");
    }

    @Test
    @Listener("requireRelayPolicy=true")
    void dnsDownDefersADomainGrantNeverBounces() throws Exception {
        int closed;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort(); // closed again below: nobody answers there
        }
        server.instance().write(RELAY_CFG, Map.of("relayList", "relay.test", "dnsServers", "127.0.0.1:" + closed,
                "dnsTimeoutSeconds", "1"));
        Smtp.Reply down = Await.until(APPLIED, "a deferral while DNS is unreachable", () -> {
            Smtp.Reply r = rcpt("127.0.0.7", "a@remote.test");
            return r.code() == 451 ? r : null;
        });
        assertTrue(down.text().startsWith("4.4.3"), down.toString());
        assertEquals(451, rcpt("127.0.0.9", "user@remote.test").code(), "any client: its name cannot be verified now");
        assertEquals(250, rcpt("127.0.0.7", "user@example.com").code(), "local mail needs no relay decision");
    }

    @Test
    @Listener("requireRelayPolicy=true")
    void relayedMailWaitsInTheQueueForTheSmtpTransport() throws Exception {
        server.instance().write(RELAY_CFG, Map.of("relayList", "127.0.0.5"));
        Await.until(APPLIED, "relayList applied", () -> rcpt("127.0.0.5", "a@remote.test").code() == 250);
        try (Smtp smtp = Smtp.openFrom("127.0.0.5", server.port())) {
            smtp.ehlo();
            smtp.command("MAIL FROM:<sender@client.example>");
            assertEquals(250, smtp.command("RCPT TO:<far@remote.test>").code());
            Smtp.Reply queued = smtp.data("Subject: relayed\r\n\r\nto the world");
            assertEquals(250, queued.code(), queued.toString());
        }
        Path queue = server.instance().queue();
        String status = Await.until(Duration.ofSeconds(20), "a deferred status naming the absent smtp transport",
                () -> files(queue).stream().filter(p -> p.toString().endsWith(".sts")).map(RelayIT::read)
                        .filter(s -> s.contains("deferred") && s.contains("smtp")).findFirst().orElse(null));
        assertTrue(status.contains("far@remote.test"), status);
        assertTrue(files(queue).stream().anyMatch(p -> read(p).contains("to the world")), "the message stays in Queue/");
        assertTrue(server.instance().dropFolder().files().isEmpty(), "nothing delivered locally");
        assertTrue(files(server.instance().base().resolve("mailroot/BadMail")).isEmpty(), "not given up");
    }

    @Test
    @Listener("requireRelayPolicy=true")
    void rulesServeTheListenerTheyName() throws Exception {
        server.instance().write(RELAY_CFG, Map.of("listener", "submission", "relayList", "127.0.0.5"));
        Smtp.Reply other = Await.until(APPLIED, "rules moved to listener 'submission'", () -> {
            Smtp.Reply r = rcpt("127.0.0.5", "a@remote.test");
            return r.code() == 451 ? r : null;
        });
        assertTrue(other.text().startsWith("4.3.0"), "no relay policy serves 'default' now: " + other);
        server.instance().write(RELAY_CFG, Map.of("listener", "default", "relayList", "127.0.0.5"));
        Await.until(APPLIED, "rules back on 'default'", () -> rcpt("127.0.0.5", "b@remote.test").code() == 250);
    }

    @Test
    void invalidValueIsRefusedAndTheOldOneStays() throws Exception {
        server.instance().write(RELAY_CFG, Map.of("relayList", "127.0.0.5"));
        Await.until(APPLIED, "relayList applied", () -> rcpt("127.0.0.5", "a@remote.test").code() == 250);
        server.instance().write(RELAY_CFG, Map.of("relayList", "127.0.0.6, 999.1.1.1"));
        Path log = server.instance().base().resolve("logs/mailroot.log");
        String refusal = Await.until(APPLIED, "an ERROR naming relayList in " + log, () -> read(log).lines()
                .filter(l -> l.contains("ERROR") && l.contains("relayList=")).findFirst().orElse(null));
        assertTrue(refusal.contains("Invalid configuration org.mailroot.relay~default (etc/" + RELAY_CFG + "): "
                + "relayList=127.0.0.6, 999.1.1.1; allowed: ") && refusal.contains("keeping 127.0.0.5/32"), refusal);
        assertEquals(250, rcpt("127.0.0.5", "b@remote.test").code(), "the old list stays in force");
        assertEquals(550, rcpt("127.0.0.6", "c@remote.test").code());
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
