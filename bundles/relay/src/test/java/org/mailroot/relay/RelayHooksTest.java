package org.mailroot.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Verdict;
import org.mailroot.api.Verdict.Kind;

/** The three hooks against fake sessions and a fake resolver: grant and deny per rule. */
class RelayHooksTest {
    private static final MailAddress REMOTE = MailAddress.parse("someone@elsewhere.example");
    private final AtomicInteger lookups = new AtomicInteger();
    /** 192.0.2.7 is host.granted.test (confirmed), 192.0.2.8 claims liar.granted.test (not confirmed), 192.0.2.9 DNS down. */
    private final ReverseResolver dns = client -> {
        lookups.incrementAndGet();
        return switch (client.getHostAddress()) {
            case "192.0.2.7" -> ReverseResolver.Result.verified("host.granted.test.");
            case "192.0.2.9" -> ReverseResolver.Result.TEMPORARY_FAILURE;
            default -> ReverseResolver.Result.NONE;
        };
    };

    private Rules rules(String connectionPolicy, String connectionList, String relayList, int conn, int msgs) {
        RelaySettings s = new RelaySettings("", connectionPolicy.equals("onlyListed"),
                AccessList.parse(connectionList), AccessList.parse(relayList), true, conn, msgs, List.of(), 5);
        return new Rules(s, dns);
    }

    private Verdict relay(Rules r, FakeSession s) {
        return new RelayGrant(() -> r, true).relay(s, REMOTE);
    }

    @Test
    void iisDefaultsRelayOnlyForAuthenticatedClients() throws Exception {
        Rules r = rules("allExceptListed", "", "", 0, 0);
        assertEquals(Kind.DECLINE, relay(r, new FakeSession("127.0.0.1")).kind(), "not even localhost");
        FakeSession authenticated = new FakeSession("198.51.100.1");
        authenticated.user = "alice";
        assertEquals(Kind.ACCEPT, relay(r, authenticated).kind());
        RelaySettings noAuth = new RelaySettings("", false, AccessList.EMPTY, AccessList.EMPTY, false, 0, 0, List.of(), 5);
        assertEquals(Kind.DECLINE, relay(new Rules(noAuth, dns), authenticated).kind(), "relayAuthenticated=false");
    }

    @Test
    void relayGrantedByAddressAndBlock() throws Exception {
        Rules r = rules("allExceptListed", "", "192.0.2.10, 10.0.0.0/8, 2001:db8::/32", 0, 0);
        assertEquals(Kind.ACCEPT, relay(r, new FakeSession("192.0.2.10")).kind());
        assertEquals(Kind.ACCEPT, relay(r, new FakeSession("10.20.30.40")).kind());
        assertEquals(Kind.ACCEPT, relay(r, new FakeSession("2001:db8:5::1")).kind());
        assertEquals(Kind.DECLINE, relay(r, new FakeSession("192.0.2.11")).kind());
        assertEquals(0, lookups.get(), "address lists never look up names");
    }

    @Test
    void relayGrantedByVerifiedDomainOnly() throws Exception {
        Rules r = rules("allExceptListed", "", "granted.test", 0, 0);
        FakeSession confirmed = new FakeSession("192.0.2.7");
        assertEquals(Kind.ACCEPT, relay(r, confirmed).kind());
        assertEquals(Kind.ACCEPT, relay(r, confirmed).kind());
        assertEquals(1, lookups.get(), "one lookup per session, then the session attribute");
        assertEquals(Kind.DECLINE, relay(r, new FakeSession("192.0.2.8")).kind(), "PTR not confirmed");
        Verdict down = relay(r, new FakeSession("192.0.2.9"));
        assertEquals(Kind.DEFER, down.kind(), "DNS down: 451, never a bounce");
        assertEquals(451, down.code().orElseThrow());
        FakeSession listenerNamed = new FakeSession("192.0.2.50");
        listenerNamed.reverseName = "mx.granted.test";
        assertEquals(Kind.ACCEPT, relay(r, listenerNamed).kind(), "the listener's verified name is used");
    }

    @Test
    void connectionDenyList() throws Exception {
        Rules r = rules("allExceptListed", "203.0.113.0/24, granted.test", "", 0, 0);
        Verdict denied = new ConnectionControl(() -> r, new RateLimiter(), true).connect(new FakeSession("203.0.113.5"));
        assertEquals(Kind.REJECT, denied.kind());
        assertEquals(554, denied.code().orElseThrow());
        assertEquals("5.7.1", denied.enhancedStatus().orElseThrow());
        assertEquals(true, denied.disconnect());
        assertEquals(Kind.REJECT, new ConnectionControl(() -> r, new RateLimiter(), true).connect(new FakeSession("192.0.2.7")).kind(), "by name");
        assertEquals(Kind.DECLINE, new ConnectionControl(() -> r, new RateLimiter(), true).connect(new FakeSession("192.0.2.8")).kind());
        assertEquals(Kind.DECLINE, new ConnectionControl(() -> r, new RateLimiter(), true).connect(new FakeSession("192.0.2.9")).kind(),
                "a deny list lets a client through while DNS is down");
    }

    @Test
    void connectionGrantList() throws Exception {
        Rules r = rules("onlyListed", "127.0.0.0/8, ::1, granted.test", "", 0, 0);
        ConnectionControl c = new ConnectionControl(() -> r, new RateLimiter(), true);
        assertEquals(Kind.DECLINE, c.connect(new FakeSession("127.0.0.2")).kind());
        assertEquals(Kind.DECLINE, c.connect(new FakeSession("::1")).kind());
        assertEquals(Kind.DECLINE, c.connect(new FakeSession("192.0.2.7")).kind(), "by verified name");
        assertEquals(Kind.REJECT, c.connect(new FakeSession("192.0.2.8")).kind());
        Verdict down = c.connect(new FakeSession("192.0.2.9"));
        assertEquals(Kind.DEFER, down.kind(), "a grant list cannot confirm: 421");
        assertEquals(421, down.code().orElseThrow());
    }

    @Test
    void connectionRate() throws Exception {
        Rules r = rules("allExceptListed", "", "192.0.2.99", 2, 0);
        ConnectionControl c = new ConnectionControl(() -> r, new RateLimiter(), true);
        assertEquals(Kind.DECLINE, c.connect(new FakeSession("192.0.2.1")).kind());
        assertEquals(Kind.DECLINE, c.connect(new FakeSession("192.0.2.1")).kind());
        Verdict third = c.connect(new FakeSession("192.0.2.1"));
        assertEquals(Kind.DEFER, third.kind());
        assertEquals("4.7.0", third.enhancedStatus().orElseThrow());
        assertEquals(true, third.disconnect());
        for (int i = 0; i < 5; i++) {
            assertEquals(Kind.DECLINE, c.connect(new FakeSession("192.0.2.99")).kind(), "relay clients are exempt");
        }
    }

    @Test
    void messageRate() throws Exception {
        Rules r = rules("allExceptListed", "", "", 0, 2);
        MessageRate m = new MessageRate(() -> r, new RateLimiter());
        FakeSession s = new FakeSession("192.0.2.1");
        MailAddress from = MailAddress.parse("a@b.example");
        assertEquals(Kind.DECLINE, m.mailFrom(s, from, Map.of()).kind());
        assertEquals(Kind.DECLINE, m.mailFrom(new FakeSession("192.0.2.1"), from, Map.of()).kind(), "counted per client, not per session");
        Verdict v = m.mailFrom(s, from, Map.of());
        assertEquals(Kind.DEFER, v.kind());
        assertEquals(451, v.code().orElseThrow());
        assertEquals("4.7.1", v.enhancedStatus().orElseThrow());
        assertEquals(Kind.DECLINE, m.mailFrom(new FakeSession("192.0.2.2"), from, Map.of()).kind());
    }

    @Test
    void aHookRegisteredNonBlockingNeverLooksUp() throws Exception {
        // the rules gained a domain entry while the listener still holds the non-blocking hook
        Rules r = rules("onlyListed", "granted.test", "granted.test", 0, 0);
        assertEquals(Kind.DECLINE, new RelayGrant(() -> r, false).relay(new FakeSession("192.0.2.7"), REMOTE).kind());
        assertEquals(Kind.REJECT, new ConnectionControl(() -> r, new RateLimiter(), false)
                .connect(new FakeSession("192.0.2.7")).kind());
        assertEquals(0, lookups.get(), "no DNS on what may be a network thread");
        FakeSession named = new FakeSession("192.0.2.7");
        named.reverseName = "host.granted.test";
        assertEquals(Kind.ACCEPT, new RelayGrant(() -> r, false).relay(named, REMOTE).kind(), "a name already known counts");
    }

    @Test
    void ipv4MappedClientIsMatchedAsIpv4() throws Exception {
        Rules r = rules("allExceptListed", "", "192.0.2.0/24", 0, 0);
        FakeSession mapped = new FakeSession("::ffff:192.0.2.3");
        assertEquals(Kind.ACCEPT, relay(r, mapped).kind());
        assertEquals(InetAddress.getByName("192.0.2.3"), Rules.client(mapped));
    }
}
