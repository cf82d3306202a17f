package org.mailroot.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AccessListTest {
    @Test
    void mixedListOfAddressesBlocksAndDomains() throws Exception {
        AccessList l = AccessList.parse(" 192.0.2.10, 10.0.0.0/8  2001:db8::/32,Example.COM., *.corp.test ");
        assertEquals(3, l.ranges().size());
        assertEquals(java.util.List.of("example.com", "corp.test"), l.domains());
        assertTrue(l.needsLookup());
        assertTrue(l.containsAddress(InetAddress.getByName("10.200.0.1")));
        assertTrue(l.containsAddress(InetAddress.getByName("2001:db8:1::1")));
        assertFalse(l.containsAddress(InetAddress.getByName("192.0.2.11")));
    }

    @Test
    void domainEntriesMatchTheDomainAndItsSubdomainsOnly() {
        AccessList l = AccessList.parse("example.com");
        assertTrue(l.containsName("example.com"));
        assertTrue(l.containsName("MX1.Example.com."));
        assertFalse(l.containsName("badexample.com"), "a suffix that is not a label boundary");
        assertFalse(l.containsName("example.com.evil.test"));
    }

    @Test
    void addressOnlyListsNeedNoLookup() {
        assertFalse(AccessList.parse("127.0.0.1,::1").needsLookup());
        assertTrue(AccessList.parse("").isEmpty());
    }

    @Test
    void badEntriesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AccessList.parse("10.0.0.0/8, bad_host!.com"));
        assertTrue(e.getMessage().contains("bad_host!.com"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AccessList.parse("300.1.1.1"));
        assertThrows(IllegalArgumentException.class, () -> AccessList.parse("-x.example.com"));
    }
}
