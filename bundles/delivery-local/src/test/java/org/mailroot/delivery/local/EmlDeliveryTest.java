package org.mailroot.delivery.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.api.Route;
import org.mailroot.api.delivery.Delivery;
import org.mailroot.api.delivery.DeliveryStatus;

class EmlDeliveryTest {
    static final String MESSAGE = "Received: from client.test\r\nSubject: hi\r\n\r\nbody\r\n.. dot\r\n";

    @TempDir
    Path root;

    private final LocalDeliveryTransport transport = new LocalDeliveryTransport();
    private final List<Route> routes = List.of(Fakes.local("x@example.com"), Fakes.local("Y@example.com"));

    @BeforeEach
    void setUp() {
        transport.configure(Fakes.spool(root), "eml", "host.test");
    }

    private Path drop() {
        return root.resolve("Drop");
    }

    private List<Path> emlFiles() throws Exception {
        try (Stream<Path> s = Files.list(drop())) {
            return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static void assertAll(List<DeliveryStatus> statuses, DeliveryStatus.Kind kind, String code) {
        assertFalse(statuses.isEmpty());
        statuses.forEach(s -> {
            assertEquals(kind, s.kind(), s.toString());
            assertEquals(code, s.enhancedStatus());
        });
    }

    @Test
    void writesTheIisHeaderThenTheMessageBytesExactly() throws Exception {
        Files.createDirectories(drop());
        Delivery d = Fakes.delivery("Q1", "a@b.test", Fakes.content(MESSAGE), routes);
        List<DeliveryStatus> statuses = transport.deliver(d);
        assertAll(statuses, DeliveryStatus.Kind.DELIVERED, "2.0.0");
        assertEquals(routes, statuses.stream().map(DeliveryStatus::route).toList());
        String expected = "x-sender: a@b.test\r\nx-receiver: x@example.com\r\nx-receiver: Y@example.com\r\n" + MESSAGE;
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(drop().resolve("Q1.eml")));
        try (Stream<Path> temps = Files.list(drop().resolve(".tmp"))) {
            assertEquals(0, temps.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theNullSenderIsWrittenAsAngleBrackets() throws Exception {
        transport.deliver(Fakes.delivery("Q2", "<>", Fakes.content(MESSAGE), routes.subList(0, 1)));
        String text = Files.readString(drop().resolve("Q2.eml"));
        assertTrue(text.startsWith("x-sender: <>\r\nx-receiver: x@example.com\r\nReceived:"), text);
    }

    @Test
    void redeliveringTheSameMessageWritesNoDuplicate() throws Exception {
        Delivery d = Fakes.delivery("Q3", "a@b.test", Fakes.content(MESSAGE), routes);
        transport.deliver(d);
        assertAll(transport.deliver(d), DeliveryStatus.Kind.DELIVERED, "2.0.0");
        assertEquals(List.of(drop().resolve("Q3.eml")), emlFiles());
    }

    @Test
    void anExistingFileHasItsDirectorySyncedBeforeBeingReportedDelivered() throws Exception {
        Delivery d = Fakes.delivery("Q8", "a@b.test", Fakes.content(MESSAGE), routes);
        transport.deliver(d);
        long before = AtomicFiles.renameSyncs();
        assertAll(transport.deliver(d), DeliveryStatus.Kind.DELIVERED, "2.0.0");
        if (!DirectorySyncs.WINDOWS) {
            assertTrue(AtomicFiles.renameSyncs() > before, "Drop/ fsynced for the file already there");
        }
        assertEquals(List.of(drop().resolve("Q8.eml")), emlFiles());
    }

    @Test
    void aLaterAttemptForOtherRecipientsGetsItsOwnStableFile() throws Exception {
        transport.deliver(Fakes.delivery("Q4", "a@b.test", Fakes.content(MESSAGE), routes.subList(0, 1)));
        Delivery rest = Fakes.delivery("Q4", "a@b.test", Fakes.content(MESSAGE), routes.subList(1, 2));
        transport.deliver(rest);
        transport.deliver(rest);
        List<Path> files = emlFiles();
        assertEquals(2, files.size(), files.toString());
        Path second = files.stream().filter(f -> !f.endsWith("Q4.eml")).findFirst().orElseThrow();
        assertTrue(Files.readString(second).startsWith("x-sender: a@b.test\r\nx-receiver: Y@example.com\r\nReceived:"));
        assertTrue(Files.readString(drop().resolve("Q4.eml")).contains("x-receiver: x@example.com\r\nReceived:"));
    }

    @Test
    void anUnwritableDropFolderIsATemporaryFailure() throws Exception {
        Files.writeString(drop(), "not a directory");
        assertAll(transport.deliver(Fakes.delivery("Q5", "a@b.test", Fakes.content(MESSAGE), routes)),
                DeliveryStatus.Kind.TEMPORARY, "4.3.0");
    }

    @Test
    void aReadErrorLeavesNoFileAndIsTemporary() throws Exception {
        assertAll(transport.deliver(Fakes.delivery("Q6", "a@b.test", Fakes.failingContent(), routes)),
                DeliveryStatus.Kind.TEMPORARY, "4.3.0");
        assertEquals(List.of(), emlFiles());
        try (Stream<Path> temps = Files.list(drop().resolve(".tmp"))) {
            assertEquals(0, temps.count());
        }
    }

    @Test
    void withoutTheSpoolEveryRouteIsTemporary() {
        transport.configure(null, "eml", "host.test");
        assertAll(transport.deliver(Fakes.delivery("Q7", "a@b.test", Fakes.content(MESSAGE), routes)),
                DeliveryStatus.Kind.TEMPORARY, "4.3.0");
    }
}
