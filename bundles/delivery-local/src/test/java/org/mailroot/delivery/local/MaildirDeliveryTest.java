package org.mailroot.delivery.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Route;
import org.mailroot.api.delivery.Delivery;
import org.mailroot.api.delivery.DeliveryStatus;

class MaildirDeliveryTest {
    static final String MESSAGE = EmlDeliveryTest.MESSAGE;

    @TempDir
    Path root;

    private final LocalDeliveryTransport transport = new LocalDeliveryTransport();

    @BeforeEach
    void setUp() {
        transport.configure(Fakes.spool(root), "maildir", "host.test");
    }

    private Path mailbox(String domain, String user) {
        return root.resolve("Drop").resolve(domain).resolve(user);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void eachRecipientGetsAMaildirWithTheMessageInNew() throws Exception {
        List<Route> routes = List.of(Fakes.local("alice@example.com"), Fakes.local("Bob@example.com"));
        List<DeliveryStatus> statuses = transport.deliver(Fakes.delivery("Q1", "a@b.test", Fakes.content(MESSAGE), routes));
        statuses.forEach(s -> assertEquals(DeliveryStatus.Kind.DELIVERED, s.kind(), s.toString()));
        String name = Fakes.RECEIVED.getEpochSecond() + ".Q1.host.test";
        for (String user : new String[] {"alice", "bob"}) {
            Path box = mailbox("example.com", user);
            assertEquals(List.of(), names(box.resolve("tmp")));
            assertEquals(List.of(), names(box.resolve("cur")));
            assertEquals(List.of(name), names(box.resolve("new")));
            assertEquals("Return-Path: <a@b.test>\r\n" + MESSAGE, Files.readString(box.resolve("new").resolve(name)));
        }
    }

    @Test
    void redeliveryWritesNoDuplicateEvenAfterTheReaderMovedItToCur() throws Exception {
        Delivery d = Fakes.delivery("Q/2:x", "<>", Fakes.content(MESSAGE), List.of(Fakes.local("alice@example.com")));
        transport.deliver(d);
        Path box = mailbox("example.com", "alice");
        List<String> first = names(box.resolve("new"));
        assertEquals(List.of(Fakes.RECEIVED.getEpochSecond() + ".Q=2F2=3Ax.host.test"), first);
        assertEquals(DeliveryStatus.Kind.DELIVERED, transport.deliver(d).get(0).kind());
        assertEquals(first, names(box.resolve("new")));
        Files.move(box.resolve("new").resolve(first.get(0)), box.resolve("cur").resolve(first.get(0) + ":2,"));
        transport.deliver(d);
        assertEquals(List.of(), names(box.resolve("new")));
    }

    @Test
    void routesFromOtherResolversFallBackToTheRecipientAddress() throws Exception {
        Route plain = Route.local(MailAddress.parse("Carol@Example.com"));
        transport.deliver(Fakes.delivery("Q3", "a@b.test", Fakes.content(MESSAGE), List.of(plain)));
        assertEquals(1, names(mailbox("example.com", "carol").resolve("new")).size());
    }

    @Test
    void anUnusableMailboxIsPermanentAndAnIoErrorTemporary() throws Exception {
        Files.createDirectories(root.resolve("Drop"));
        Files.writeString(root.resolve("Drop/broken.test"), "a file where a folder should be");
        Route bad = RouteParameters.localRoute(MailAddress.parse("x@example.com"), "../x", "example.com");
        Route io = Fakes.local("bob@broken.test");
        Route ok = Fakes.local("alice@example.com");
        List<DeliveryStatus> s = transport.deliver(Fakes.delivery("Q4", "a@b.test", Fakes.content(MESSAGE), List.of(bad, io, ok)));
        assertEquals(DeliveryStatus.Kind.PERMANENT, s.get(0).kind());
        assertEquals("5.1.3", s.get(0).enhancedStatus());
        assertEquals(DeliveryStatus.Kind.TEMPORARY, s.get(1).kind());
        assertEquals("4.3.0", s.get(1).enhancedStatus());
        assertEquals(DeliveryStatus.Kind.DELIVERED, s.get(2).kind());
        assertTrue(Files.isDirectory(mailbox("example.com", "alice").resolve("new")));
    }
}
