package org.mailroot.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {
    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s); // literals only: no lookup
    }

    @Test
    void ipv4BlocksMatchTheirAddressesOnly() throws Exception {
        Cidr net = Cidr.parse("192.168.10.0/24");
        assertTrue(net.contains(ip("192.168.10.0")));
        assertTrue(net.contains(ip("192.168.10.255")));
        assertFalse(net.contains(ip("192.168.11.1")));
        assertFalse(net.contains(ip("10.0.0.1")));
        Cidr odd = Cidr.parse("10.1.2.3/13"); // host bits are masked off
        assertEquals("10.0.0.0/13", odd.toString());
        assertTrue(odd.contains(ip("10.7.255.255")));
        assertFalse(odd.contains(ip("10.8.0.0")));
    }

    @Test
    void singleAddressesAndTheWholeSpace() throws Exception {
        assertTrue(Cidr.parse("203.0.113.7").contains(ip("203.0.113.7")));
        assertFalse(Cidr.parse("203.0.113.7").contains(ip("203.0.113.8")));
        assertTrue(Cidr.parse("0.0.0.0/0").contains(ip("198.51.100.1")));
        assertFalse(Cidr.parse("0.0.0.0/0").contains(ip("2001:db8::1")), "families never mix");
    }

    @Test
    void ipv6Blocks() throws Exception {
        Cidr net = Cidr.parse("2001:db8:abcd::/48");
        assertTrue(net.contains(ip("2001:db8:abcd:1::5")));
        assertFalse(net.contains(ip("2001:db8:abce::1")));
        assertTrue(Cidr.parse("::1").contains(ip("::1")));
        assertTrue(Cidr.parse("2001:db8::/127").contains(ip("2001:db8::1")));
        assertFalse(Cidr.parse("2001:db8::/128").contains(ip("2001:db8::1")));
        assertFalse(net.contains(ip("10.0.0.1")));
    }

    @Test
    void ipv4MappedClientsMatchIpv4Rules() throws Exception {
        InetAddress mapped = InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 9});
        assertTrue(Cidr.parse("192.0.2.0/24").contains(mapped));
    }

    @Test
    void iisNetworkAndMask() throws Exception {
        Cidr net = Cidr.parse("172.16.0.0/255.255.240.0");
        assertEquals(20, net.prefix());
        assertTrue(net.contains(ip("172.16.15.1")));
        assertFalse(net.contains(ip("172.16.16.1")));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/255.0.255.0"), "holes");
    }

    @Test
    void badEntriesAreRefusedWithoutALookup() {
        for (String bad : new String[] {"10.0.0.0/33", "2001:db8::/129", "256.1.1.1", "10.1", "01.2.3.4",
                "1.2.3.4/x", "gg::1", "10.0.0.0/-1"}) {
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
        }
    }
}
