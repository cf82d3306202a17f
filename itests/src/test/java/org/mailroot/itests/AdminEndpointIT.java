package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Admin;
import org.mailroot.itests.harness.ServerExtension;

/** The admin endpoint's protection: token required, owner-only token file, loopback only. */
class AdminEndpointIT {
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void everyRequestNeedsTheToken() throws Exception {
        Admin admin = new Admin(server.instance());
        assertEquals(401, admin.get("/v1/status", null).status(), "no token");
        assertEquals(401, admin.get("/v1/status", "Bearer wrong-token-wrong-token-wrong").status(), "wrong token");
        assertEquals(401, admin.get("/metrics", null).status(), "metrics need the token too");
        Admin.Http ok = admin.get("/v1/status", "Bearer " + admin.token());
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.body().contains("\"default\""), ok.body());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(admin.tokenFile())));
        assertTrue(admin.token().length() >= 22, "at least 128 bits");
    }

    @Test
    void theCliNamesAWrongToken() throws Exception {
        Admin admin = new Admin(server.instance());
        String good = admin.token();
        Files.writeString(admin.tokenFile(), "not-the-token-of-this-instance\n");
        try {
            Admin.Cli cli = admin.cli("status");
            assertEquals(1, cli.exit(), cli.toString());
            assertTrue(cli.err().contains("refused the token"), cli.toString());
        } finally {
            Files.writeString(admin.tokenFile(), good + "\n");
        }
    }

    @Test
    void notReachableOnANonLoopbackAddress() throws Exception {
        Admin admin = new Admin(server.instance());
        int port = URI.create(admin.url()).getPort();
        assertTrue(URI.create(admin.url()).getHost().equals("127.0.0.1"), admin.url());
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
        try (Socket loop = new Socket()) {
            loop.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000); // control: it listens
        }
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(external.get(), port), 2_000);
            }
        }, "the admin port must not answer on " + external.get());
    }
}
