package org.mailroot.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the admin endpoint may listen: loopback only unless allowRemote=true (secure by default). */
final class AdminSettings {
    private static final Logger LOG = LoggerFactory.getLogger(AdminSettings.class);
    static final String LOOPBACK = "127.0.0.1";

    private AdminSettings() {
    }

    /** The address to bind: the configured one if allowed, else 127.0.0.1 with the refusal logged. */
    static String bindAddress(String configured, boolean allowRemote) {
        String host = configured == null || configured.isBlank() ? LOOPBACK : configured.strip();
        try {
            if (allowRemote || InetAddress.getByName(host).isLoopbackAddress()) {
                return host;
            }
        } catch (UnknownHostException e) {
            // refused below like a remote address
        }
        LOG.error("Invalid configuration org.mailroot.admin (etc/org.mailroot.admin.cfg): bindAddress={}; "
                + "allowed: a loopback address (127.0.0.1, ::1, localhost), or any with allowRemote=true; keeping {}",
                host, LOOPBACK);
        return LOOPBACK;
    }

    static int port(int configured) {
        if (configured < 0 || configured > 65535) {
            LOG.error("Invalid configuration org.mailroot.admin (etc/org.mailroot.admin.cfg): port={}; "
                    + "allowed: 0-65535 (0 = any free port); keeping 2580", configured);
            return 2580;
        }
        return configured;
    }
}
