package org.mailroot.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdminSettingsTest {
    @Test
    void onlyLoopbackUnlessAllowRemote() {
        assertEquals("127.0.0.1", AdminSettings.bindAddress("0.0.0.0", false));
        assertEquals("127.0.0.1", AdminSettings.bindAddress("192.0.2.10", false));
        assertEquals("127.0.0.1", AdminSettings.bindAddress("no-such-host.invalid", false));
        assertEquals("::1", AdminSettings.bindAddress("::1", false));
        assertEquals("localhost", AdminSettings.bindAddress("localhost", false));
        assertEquals("0.0.0.0", AdminSettings.bindAddress("0.0.0.0", true));
        assertEquals("127.0.0.1", AdminSettings.bindAddress("", false));
    }

    @Test
    void portOutOfRangeKeepsTheDefault() {
        assertEquals(2580, AdminSettings.port(70000));
        assertEquals(0, AdminSettings.port(0));
    }
}
