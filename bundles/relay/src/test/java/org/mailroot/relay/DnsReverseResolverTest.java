package org.mailroot.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** dnsjava's forward-confirmed reverse lookup against a real UDP DNS server on loopback. */
class DnsReverseResolverTest {
    private final TinyDns dns;
    private final DnsReverseResolver resolver;

    DnsReverseResolverTest() throws Exception {
        dns = new TinyDns()
                .ptr("192.0.2.7", "mx.granted.test").address("mx.granted.test", "192.0.2.7")
                .ptr("192.0.2.8", "liar.granted.test").address("liar.granted.test", "192.0.2.99")
                .ptr("192.0.2.9", "first.other.test").ptr("192.0.2.9", "second.granted.test")
                .address("first.other.test", "192.0.2.1").address("second.granted.test", "192.0.2.9")
                .ptr("2001:db8::25", "v6.granted.test").address("v6.granted.test", "2001:db8::25")
                .ptr("192.0.2.10", "broken.test").servfail("broken.test");
        resolver = new DnsReverseResolver(List.of(dns.server()), Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        dns.close();
    }

    private ReverseResolver.Result verify(String ip) throws Exception {
        return resolver.verify(InetAddress.getByName(ip));
    }

    @Test
    void confirmedByItsARecord() throws Exception {
        assertEquals(ReverseResolver.Result.verified("mx.granted.test"), verify("192.0.2.7"));
        assertTrue(dns.questions.contains("mx.granted.test. A"), dns.questions.toString());
    }

    @Test
    void aPtrThatDoesNotResolveBackIsNoName() throws Exception {
        assertEquals(ReverseResolver.Result.NONE, verify("192.0.2.8"));
        assertEquals(ReverseResolver.Result.NONE, verify("192.0.2.200"), "no PTR at all");
    }

    @Test
    void theConfirmedOneOfSeveralPtrNames() throws Exception {
        assertEquals(ReverseResolver.Result.verified("second.granted.test"), verify("192.0.2.9"));
    }

    @Test
    void ipv6IsConfirmedByAaaa() throws Exception {
        assertEquals(ReverseResolver.Result.verified("v6.granted.test"), verify("2001:db8::25"));
        assertTrue(dns.questions.contains("v6.granted.test. AAAA"), dns.questions.toString());
    }

    @Test
    void serverFailureIsTemporary() throws Exception {
        assertEquals(ReverseResolver.Status.TEMPORARY_FAILURE, verify("192.0.2.10").status());
    }

    @Test
    void answersAreCachedByTtl() throws Exception {
        verify("192.0.2.7");
        int asked = dns.questions.size();
        verify("192.0.2.7");
        assertEquals(asked, dns.questions.size(), "the second lookup came from the cache");
    }
}
