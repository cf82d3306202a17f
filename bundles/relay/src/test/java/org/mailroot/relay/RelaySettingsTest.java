package org.mailroot.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-key validation: a bad key is refused and named, its previous value kept, the others applied. */
class RelaySettingsTest {
    private final List<String> refused = new ArrayList<>();

    private RelaySettings parse(Config c, RelaySettings previous) {
        return RelaySettings.parse(c, previous, (key, value, allowed) -> refused.add(key + "=" + value + " allowed " + allowed));
    }

    @Test
    void defaultsAreTheIisDefaults() {
        RelaySettings s = parse(new Config(), RelaySettings.DEFAULTS);
        assertEquals(RelaySettings.DEFAULTS.toString(), s.toString());
        assertTrue(refused.isEmpty());
        assertTrue(s.relayList().isEmpty() && s.relayAuthenticated() && !s.onlyListed());
    }

    @Test
    void badKeysKeepTheirPreviousValue() {
        Config good = new Config();
        good.relayList = "10.0.0.0/8";
        good.maxMessagesPerMinute = 30;
        RelaySettings first = parse(good, RelaySettings.DEFAULTS);
        Config bad = new Config();
        bad.relayList = "10.0.0.0/8, 999.1.1.1";
        bad.maxMessagesPerMinute = -1;
        bad.connectionPolicy = "denyAll";
        bad.maxConnectionsPerMinute = 12;
        bad.dnsServers = "dns.example.com";
        RelaySettings second = parse(bad, first);
        assertEquals("10.0.0.0/8", second.relayList().toString());
        assertEquals(30, second.maxMessagesPerMinute());
        assertEquals(12, second.maxConnectionsPerMinute(), "a valid key next to bad ones applies");
        assertEquals(4, refused.size(), refused.toString());
        assertTrue(refused.get(0).startsWith("connectionPolicy=denyAll allowed allExceptListed, onlyListed"), refused.toString());
        assertTrue(refused.stream().anyMatch(r -> r.startsWith("relayList=") && r.contains("999.1.1.1")), refused.toString());
        assertEquals("10.0.0.0/8", second.valueOf("relayList"));
    }

    @Test
    void theWholeAddressSpaceIsNeverARelayList() {
        Config open = new Config();
        open.relayList = "10.0.0.0/8, 0.0.0.0/0";
        assertTrue(parse(open, RelaySettings.DEFAULTS).relayList().isEmpty());
        open.relayList = "::/0";
        assertTrue(parse(open, RelaySettings.DEFAULTS).relayList().isEmpty());
        assertEquals(2, refused.size());
        assertTrue(refused.get(0).contains("open relay"), refused.toString());
        open.relayList = "";
        open.connectionList = "0.0.0.0/0";
        assertEquals(1, parse(open, RelaySettings.DEFAULTS).connectionList().ranges().size(), "fine for connections");
    }

    @Test
    void aBooleanThatIsNotTrueOrFalseIsRefused() {
        Config c = new Config();
        c.relayAuthenticated = false; // what DS makes of "yes"
        RelaySettings s = RelaySettings.parse(c, RelaySettings.DEFAULTS,
                (key, value, allowed) -> refused.add(key + "=" + value), Map.of("relayAuthenticated", "yes"));
        assertTrue(s.relayAuthenticated(), "the previous value stays");
        assertEquals(List.of("relayAuthenticated=yes"), refused);
        assertEquals(false, RelaySettings.parse(c, RelaySettings.DEFAULTS, (k, v, a) -> refused.add(k),
                Map.of("relayAuthenticated", "FALSE")).relayAuthenticated());
    }

    @Test
    void dnsServersAreAddressesWithPorts() {
        assertEquals(List.of("127.0.0.1:5353", "[::1]:53", "192.0.2.53"),
                RelaySettings.servers("127.0.0.1:5353, [::1]:53 192.0.2.53"));
    }

    /** A hand-made configuration (what DS would build from etc/org.mailroot.relay~x.cfg). */
    private static final class Config implements RelayControl.Config {
        String listener = "";
        String connectionPolicy = "allExceptListed";
        String connectionList = "";
        String relayList = "";
        boolean relayAuthenticated = true;
        int maxConnectionsPerMinute;
        int maxMessagesPerMinute;
        String dnsServers = "";
        int dnsTimeoutSeconds = 5;

        @Override public String listener() { return listener; }
        @Override public String connectionPolicy() { return connectionPolicy; }
        @Override public String connectionList() { return connectionList; }
        @Override public String relayList() { return relayList; }
        @Override public boolean relayAuthenticated() { return relayAuthenticated; }
        @Override public int maxConnectionsPerMinute() { return maxConnectionsPerMinute; }
        @Override public int maxMessagesPerMinute() { return maxMessagesPerMinute; }
        @Override public String dnsServers() { return dnsServers; }
        @Override public int dnsTimeoutSeconds() { return dnsTimeoutSeconds; }
        @Override public Class<? extends Annotation> annotationType() { return RelayControl.Config.class; }
    }
}
