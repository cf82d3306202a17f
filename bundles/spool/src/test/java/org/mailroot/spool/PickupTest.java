package org.mailroot.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.api.Envelope;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Recipient;
import org.mailroot.api.Route;
import org.mailroot.api.delivery.DeliveryStatus;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.hook.Resolution;
import org.mailroot.api.log.MailEvent;
import org.mailroot.api.spool.Folder;
import org.mailroot.spool.Fixtures.RecordingTransport;

class PickupTest {
    @TempDir
    Path root;

    private final Fixtures.Recorder events = new Fixtures.Recorder();
    private final RecordingTransport local = new RecordingTransport(DeliveryStatus::delivered);
    private final RecordingTransport smtp = new RecordingTransport(DeliveryStatus::delivered);
    private final List<String> sessions = new CopyOnWriteArrayList<>();
    /** A local-domain resolver, as delivery-local will register: example.com is ours. */
    private final RecipientResolver localDomain = (session, rcpt) -> {
        sessions.add(session.listenerName() + " " + session.remoteAddress().getAddress().isLoopbackAddress());
        return rcpt.domain().equals("example.com") ? Resolution.accept(Route.local(rcpt)) : Resolution.decline();
    };

    private SpoolEngine start() throws Exception {
        var ts = Fixtures.transports("local", local);
        ts.add(smtp, java.util.Map.of("mailroot.transport", "smtp"));
        return Fixtures.engine(root, ts, List.of(localDomain), events);
    }

    /** Writes like a careful client: a hidden name, then a rename once complete. */
    private static void drop(SpoolEngine spool, String name, byte[] bytes) throws Exception {
        Path dir = spool.folder(Folder.PICKUP);
        Files.write(dir.resolve("." + name), bytes);
        Files.move(dir.resolve("." + name), dir.resolve(name));
    }

    @Test
    void iisEnvelopeLinesAreUsedAndStripped() throws Exception {
        try (SpoolEngine spool = start()) {
            drop(spool, "hello.txt", ("x-sender: jason@example.com\nx-receiver: leslie@example.com\n"
                    + "x-receiver: far@example.net\nFrom: jason@example.com\nTo: leslie@example.com\n"
                    + "Subject: Results are in\n\nWe have won!\n\n").getBytes(StandardCharsets.US_ASCII));
            MailEvent received = events.next(MailEvent.Type.RECEIVED);
            assertEquals("hello.txt", received.argument());
            Fixtures.Seen l = local.next();
            Fixtures.Seen s = smtp.next();
            Envelope e = l.delivery().envelope();
            assertEquals(MailAddress.parse("jason@example.com"), e.sender());
            assertEquals(List.of("leslie@example.com", "far@example.net"),
                    e.recipients().stream().map(r -> r.address().address()).toList());
            assertEquals("pickup", e.listenerName());
            assertEquals(List.of(Route.local(MailAddress.parse("leslie@example.com"))), l.delivery().routes());
            assertEquals("smtp", s.delivery().routes().get(0).transport()); // all declined: relayed
            String msg = l.content();
            assertTrue(Pattern.compile("^Received: by \\S+ \\(Mailroot\\) with local pickup id " + e.id()
                    + "; \\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\r\n").matcher(msg).find(), msg);
            assertFalse(msg.toLowerCase().contains("x-sender") || msg.contains("x-receiver"), msg);
            assertTrue(msg.endsWith("Subject: Results are in\r\n\r\nWe have won!\r\n\r\n"), msg);
            assertFalse(msg.replace("\r\n", "").contains("\n"), "CRLF only");
            assertTrue(sessions.contains("pickup true"));
            assertFalse(Files.exists(spool.folder(Folder.PICKUP).resolve("hello.txt")));
        }
    }

    @Test
    void headersGiveTheEnvelopeAndBccIsRemoved() throws Exception {
        try (SpoolEngine spool = start()) {
            drop(spool, "h.eml", ("From: \"Ann, Admin\" <ann@example.com>\r\nTo: Bob <bob@example.com>,\r\n"
                    + " carl@example.com (Carl)\r\nCc: team: dan@example.com;\r\nBcc: secret@example.com,\r\n"
                    + "\tother@example.com\r\nSubject: hi\r\n\r\nbody Bcc: stays in the body\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Fixtures.Seen l = local.next();
            Envelope e = l.delivery().envelope();
            assertEquals("ann@example.com", e.sender().address());
            assertEquals(List.of("bob@example.com", "carl@example.com", "dan@example.com", "secret@example.com",
                    "other@example.com"), e.recipients().stream().map(Recipient::address).map(MailAddress::address).toList());
            assertFalse(l.content().contains("secret@") || l.content().contains("other@"), l.content());
            assertTrue(l.content().contains("Subject: hi\r\n\r\nbody Bcc: stays in the body\r\n"), l.content());
        }
    }

    @Test
    void malformedFilesGoToBadMailWithAReason() throws Exception {
        try (SpoolEngine spool = start()) {
            drop(spool, "norcpt.txt", "From: a@example.com\r\nSubject: nobody\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            assertReason(spool, "no recipients");
            drop(spool, "binary.bin", new byte[] {'M', 'Z', 0, 1, 2, 3, 0, 0});
            assertReason(spool, "binary");
            drop(spool, "long.txt", ("x-sender: a@example.com\r\nx-receiver: b@example.com\r\nSubject: "
                    + "y".repeat(1200) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertReason(spool, "998");
            drop(spool, "nosender.txt", "To: b@example.com\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            assertReason(spool, "no sender");
            assertEquals(0, spool.queueLength());
            assertTrue(local.calls.isEmpty());
        }
    }

    private void assertReason(SpoolEngine spool, String expected) throws Exception {
        MailEvent failed = events.next(MailEvent.Type.FAILED);
        Path bad = spool.folder(Folder.BADMAIL);
        String reason = Files.readString(bad.resolve(failed.messageId() + ".reason"));
        assertTrue(reason.contains(expected) && reason.contains("Pickup/" + failed.argument()), reason);
        assertTrue(Files.exists(bad.resolve(failed.messageId() + ".eml")));
        assertFalse(Files.exists(spool.folder(Folder.PICKUP).resolve(failed.argument())));
    }
}
