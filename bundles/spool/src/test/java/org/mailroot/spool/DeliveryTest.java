package org.mailroot.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailroot.spool.Fixtures.content;
import static org.mailroot.spool.Fixtures.envelope;
import static org.mailroot.spool.Fixtures.route;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.api.Envelope;
import org.mailroot.api.Route;
import org.mailroot.api.delivery.DeliveryStatus;
import org.mailroot.api.delivery.DeliveryTransport;
import org.mailroot.api.log.MailEvent;
import org.mailroot.api.spool.Folder;
import org.mailroot.spool.Fixtures.RecordingTransport;
import org.mailroot.spool.delivery.Transports;

class DeliveryTest {
    private static final String MESSAGE = "Subject: test\r\n\r\nHello\r\n";

    @TempDir
    Path root;

    private final Fixtures.Recorder events = new Fixtures.Recorder();

    @Test
    void deliveredMessageLeavesTheQueueAndTransportSeesOnlyTheMessage() throws Exception {
        RecordingTransport local = new RecordingTransport(DeliveryStatus::delivered);
        try (SpoolEngine spool = Fixtures.engine(root, Fixtures.transports("local", local), List.of(), events)) {
            String id = spool.newMessageId();
            spool.store(envelope(id, route("local", "bob@example.com")), content(MESSAGE))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            Fixtures.Seen seen = local.next();
            assertEquals(MESSAGE, seen.content());
            assertEquals(1, seen.delivery().attempt());
            assertEquals(id, seen.delivery().envelope().id());
            MailEvent ev = events.next(MailEvent.Type.DELIVERED);
            assertEquals("bob@example.com", ev.argument());
            assertFalse(Files.exists(spool.folder(Folder.QUEUE).resolve(id + ".eml")));
            assertEquals(0, spool.queueLength());
        }
    }

    @Test
    void absentTransportKeepsTheMessageDeferred() throws Exception {
        try (SpoolEngine spool = Fixtures.engine(root, new Transports(), List.of(), events)) {
            spool.store(envelope("A1", route("custom", "bob@example.com")), content(MESSAGE))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            MailEvent ev = events.next(MailEvent.Type.DEFERRED);
            assertTrue(ev.replyText().startsWith("4.3.0"), ev.replyText());
            Path queue = spool.folder(Folder.QUEUE);
            assertTrue(Files.exists(queue.resolve("A1.eml")));
            assertTrue(Files.readString(queue.resolve("A1.sts")).startsWith("attempt 1 "));
            assertEquals(1, spool.queueLength());
        }
    }

    @Test
    void permanentFailureGoesToBadMailWithAReason() throws Exception {
        RecordingTransport smtp = new RecordingTransport(r -> DeliveryStatus.permanent(r, "5.1.1", "no such user"));
        try (SpoolEngine spool = Fixtures.engine(root, Fixtures.transports("smtp", smtp), List.of(), events)) {
            spool.store(envelope("P1", route("smtp", "nobody@example.net")), content(MESSAGE))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            events.next(MailEvent.Type.FAILED);
            Path bad = spool.folder(Folder.BADMAIL);
            assertTrue(Files.exists(bad.resolve("P1.eml")));
            String reason = Files.readString(bad.resolve("P1.reason"));
            assertTrue(reason.contains("Recipient: nobody@example.net") && reason.contains("5.1.1")
                    && reason.contains("no such user") && reason.contains("RFC 3464"), reason);
            assertQueueEmpty(spool);
        }
    }

    @Test
    void expiredMessageFailsWithTheLastError() throws Exception {
        RecordingTransport smtp = new RecordingTransport(r -> DeliveryStatus.temporary(r, "4.4.1", "connection refused"));
        try (SpoolEngine spool = Fixtures.engine(root, Fixtures.transports("smtp", smtp), List.of(), events)) {
            Envelope old = envelope("X1", route("smtp", "far@example.net")).toBuilder()
                    .received(Instant.now().minus(Duration.ofHours(49))).build();
            spool.store(old, content(MESSAGE)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            MailEvent ev = events.next(MailEvent.Type.FAILED);
            assertTrue(ev.replyText().startsWith("4.4.7") && ev.replyText().contains("connection refused"));
            assertTrue(Files.readString(spool.folder(Folder.BADMAIL).resolve("X1.reason")).contains("4.4.7"));
        }
    }

    @Test
    void deliveredRoutesAreNotDeliveredAgainAfterARestart() throws Exception {
        RecordingTransport local = new RecordingTransport(DeliveryStatus::delivered);
        RecordingTransport flaky = new RecordingTransport(r -> DeliveryStatus.temporary(r, "4.4.1", "try later"));
        Transports ts = Fixtures.transports("local", local);
        ts.add(flaky, Map.of(DeliveryTransport.TRANSPORT, "smtp"));
        try (SpoolEngine spool = Fixtures.engine(root, ts, List.of(), events)) {
            spool.store(envelope("R1", route("local", "bob@example.com"), route("smtp", "ann@example.net")),
                    content(MESSAGE)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            events.next(MailEvent.Type.DEFERRED);
            assertEquals(1, local.calls.size());
        }
        // "Restart": a new engine on the same folders, the relay now works.
        RecordingTransport local2 = new RecordingTransport(DeliveryStatus::delivered);
        RecordingTransport smtp2 = new RecordingTransport(DeliveryStatus::delivered);
        Transports ts2 = Fixtures.transports("local", local2);
        ts2.add(smtp2, Map.of(DeliveryTransport.TRANSPORT, "smtp"));
        try (SpoolEngine spool = Fixtures.engine(root, ts2, List.of(), events)) {
            Fixtures.Seen seen = smtp2.next();
            assertEquals(List.of(route("smtp", "ann@example.net")), seen.delivery().routes());
            assertEquals(2, seen.delivery().attempt());
            events.next(MailEvent.Type.DELIVERED);
            assertNull(local2.calls.poll(), "delivered route not delivered again");
            assertQueueEmpty(spool);
        }
    }

    @Test
    void recoveryRedeliversQueuedMessagesAndRemovesStaleTempFiles() throws Exception {
        try (SpoolEngine spool = Fixtures.engine(root, new Transports(), List.of(), events)) {
            spool.store(envelope("Q1", route("local", "bob@example.com")), content(MESSAGE))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            events.next(MailEvent.Type.DEFERRED);
        }
        Path queue = root.resolve("Queue");
        Files.writeString(queue.resolve("Q2.tmp"), "x-mailroot-format: 1\r\n"); // a store cut short
        Files.writeString(queue.resolve("Q3.sts"), "attempt 1 2026-01-01T00:00:00Z\n"); // orphan
        RecordingTransport local = new RecordingTransport(DeliveryStatus::delivered);
        try (SpoolEngine spool = Fixtures.engine(root, Fixtures.transports("local", local), List.of(), events)) {
            assertEquals(MESSAGE, local.next().content());
            events.next(MailEvent.Type.DELIVERED);
            assertQueueEmpty(spool);
        }
    }

    @Test
    void aTransportThatArrivesLaterGetsTheMailAtOnce() throws Exception {
        Transports ts = new Transports();
        try (SpoolEngine spool = Fixtures.engine(root, ts, List.of(), events)) {
            spool.store(envelope("L1", route("local", "bob@example.com")), content(MESSAGE))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            events.next(MailEvent.Type.DEFERRED);
            RecordingTransport local = new RecordingTransport(DeliveryStatus::delivered);
            ts.add(local, Map.of(DeliveryTransport.TRANSPORT, "local"));
            spool.transportArrived("local");
            assertEquals(List.of(new Route("local", route("local", "bob@example.com").recipient(), Map.of())),
                    local.next().delivery().routes());
        }
    }

    private static void assertQueueEmpty(SpoolEngine spool) throws Exception {
        try (Stream<Path> s = Files.list(spool.folder(Folder.QUEUE))) {
            // Spares are recycled files of delivered messages, not messages (SpareFiles).
            assertEquals(List.of(), s.filter(p -> !p.toString().endsWith(".spare")).toList());
        }
    }
}
