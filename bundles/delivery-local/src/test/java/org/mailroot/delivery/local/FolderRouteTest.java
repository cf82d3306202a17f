package org.mailroot.delivery.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Route;
import org.mailroot.api.delivery.DeliveryStatus;

/** The optional {@code folder} route parameter: a Drop subfolder (.eml) or a Maildir++ folder. */
class FolderRouteTest {
    static final String MESSAGE = EmlDeliveryTest.MESSAGE;

    @TempDir
    Path root;

    private final LocalDeliveryTransport transport = new LocalDeliveryTransport();

    private static Route withFolder(String address, String folder) {
        Route plain = Fakes.local(address);
        Map<String, String> parameters = new HashMap<>(plain.parameters());
        parameters.put(RouteParameters.FOLDER, folder);
        return new Route(Route.LOCAL, plain.recipient(), parameters);
    }

    /** A route as an integrator's resolver makes it: no mailbox/domain, only the folder. */
    private static Route bare(String address, String folder) {
        return new Route(Route.LOCAL, MailAddress.parse(address), Map.of(RouteParameters.FOLDER, folder));
    }

    private Path drop() {
        return root.resolve("Drop");
    }

    private static List<String> emlNames(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList();
        }
    }

    @Test
    void emlRoutesWithAFolderLandInThatSubfolderAndTheOthersInDrop() throws Exception {
        transport.configure(Fakes.spool(root), "eml", "host.test");
        List<Route> routes = List.of(bare("boss@vip.example", "vip"), Fakes.local("x@example.com"),
                bare("ceo@vip.example", "vip"));
        List<DeliveryStatus> statuses = transport.deliver(Fakes.delivery("F1", "a@b.test", Fakes.content(MESSAGE), routes));

        statuses.forEach(s -> assertEquals(DeliveryStatus.Kind.DELIVERED, s.kind(), s.toString()));
        assertEquals(3, statuses.size());
        assertEquals(List.of("F1.eml"), emlNames(drop().resolve("vip")));
        assertEquals("x-sender: a@b.test\r\nx-receiver: boss@vip.example\r\nx-receiver: ceo@vip.example\r\n" + MESSAGE,
                Files.readString(drop().resolve("vip").resolve("F1.eml")));
        assertEquals("x-sender: a@b.test\r\nx-receiver: x@example.com\r\n" + MESSAGE,
                Files.readString(drop().resolve("F1.eml")));
        try (Stream<Path> temps = Files.list(drop().resolve(".tmp"))) {
            assertEquals(0, temps.count(), "temp files stay in Drop/.tmp and are gone");
        }
    }

    @Test
    void redeliveryIntoAFolderWritesNoDuplicate() throws Exception {
        transport.configure(Fakes.spool(root), "eml", "host.test");
        var d = Fakes.delivery("F2", "a@b.test", Fakes.content(MESSAGE), List.of(bare("boss@vip.example", "vip")));
        transport.deliver(d);
        transport.deliver(d);
        assertEquals(List.of("F2.eml"), emlNames(drop().resolve("vip")));
    }

    @Test
    void anUnsafeFolderIsIgnoredAndTheMessageStillDelivered() throws Exception {
        transport.configure(Fakes.spool(root), "eml", "host.test");
        for (String bad : new String[] {"../escape", ".hidden", "a/b", "c:d"}) {
            String id = "F3" + Integer.toHexString(bad.hashCode());
            List<DeliveryStatus> statuses = transport.deliver(
                    Fakes.delivery(id, "a@b.test", Fakes.content(MESSAGE), List.of(bare("boss@vip.example", bad))));
            assertEquals(DeliveryStatus.Kind.DELIVERED, statuses.get(0).kind(), bad);
            assertTrue(Files.exists(drop().resolve(id + ".eml")), "delivered to Drop/ itself for " + bad);
        }
        assertTrue(Files.notExists(root.resolve("escape")), "nothing written outside Drop/");
    }

    @Test
    void maildirRoutesWithAFolderUseTheMaildirPlusPlusSubfolder() throws Exception {
        transport.configure(Fakes.spool(root), "maildir", "host.test");
        List<DeliveryStatus> statuses = transport.deliver(Fakes.delivery("F4", "a@b.test", Fakes.content(MESSAGE),
                List.of(withFolder("boss@vip.example", "vip"), Fakes.local("x@example.com"))));
        statuses.forEach(s -> assertEquals(DeliveryStatus.Kind.DELIVERED, s.kind(), s.toString()));
        String name = Fakes.RECEIVED.getEpochSecond() + ".F4.host.test";
        Path folder = drop().resolve("vip.example").resolve("boss").resolve(".vip");
        assertTrue(Files.exists(folder.resolve("new").resolve(name)), "in the .vip folder of boss");
        assertTrue(Files.exists(folder.resolve("maildirfolder")), "marked as a Maildir++ folder");
        assertTrue(Files.notExists(drop().resolve("vip.example").resolve("boss").resolve("new")),
                "not in the mailbox's inbox");
        assertTrue(Files.exists(drop().resolve("example.com").resolve("x").resolve("new").resolve(name)));
    }
}
