package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;

/**
 * Free-space check (configuration.md org.mailroot.spool minFreeDiskMb): below the limit new mail
 * is refused with 452 4.3.1 (RFC 3463 "mail system full") and nothing is written; lowering the
 * limit live accepts the next message.
 */
class DiskFullIT {
    /** ~95 TB: more than any test disk has free. */
    private static final String MORE_THAN_THE_DISK = "100000000";

    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance ->
            instance.write("org.mailroot.spool.cfg", Map.of("root", "mailroot", "minFreeDiskMb", MORE_THAN_THE_DISK)));

    @Test
    void refusedWith452WhileBelowTheLimitAndAcceptedOnceLoweredLive() throws Exception {
        List<Path> queueBefore = files(server.instance().queue());
        List<Path> dropBefore = files(server.instance().drop());

        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            assertEquals(250, smtp.command("MAIL FROM:<full@client.example>").code());
            assertEquals(250, smtp.command("RCPT TO:<alice@example.com>").code());
            Smtp.Reply reply = smtp.data("Subject: disk-full-refused\r\n\r\nmust not be stored");
            assertTrue(reply.code() == 452 && reply.text().startsWith("4.3.1"),
                    "minFreeDiskMb above the free space: 452 4.3.1 expected, got " + reply);
        }
        assertEquals(queueBefore, files(server.instance().queue()), "nothing written to Queue/ for a refused message");
        assertEquals(dropBefore, files(server.instance().drop()), "nothing written to Drop/ for a refused message");

        server.instance().write("org.mailroot.spool.cfg", Map.of("root", "mailroot", "minFreeDiskMb", "0"));
        int[] n = {0};
        String accepted = Await.until(Duration.ofSeconds(10), "250 for DATA once minFreeDiskMb=0 applies live", () -> {
            String subject = "disk-ok-" + (++n[0]);
            return send(subject).code() == 250 ? subject : null;
        });
        MailFile mail = server.instance().dropFolder().awaitWith("Subject", accepted, Duration.ofSeconds(15));
        assertTrue(mail.body().contains("after the limit was lowered"), "the accepted message is whole: " + mail.body());
        assertTrue(server.instance().dropFolder().allWith("Subject", "disk-full-refused").isEmpty(),
                "the refused message never reaches Drop/");
    }

    private Smtp.Reply send(String subject) {
        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            assertEquals(250, smtp.command("MAIL FROM:<full@client.example>").code());
            assertEquals(250, smtp.command("RCPT TO:<alice@example.com>").code());
            Smtp.Reply reply = smtp.data("Subject: " + subject + "\r\n\r\nafter the limit was lowered");
            if (reply.code() != 250 && reply.code() != 452) {
                throw new AssertionError("DATA: 250 or 452 expected, got " + reply);
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Regular files under dir (recursively), sorted. */
    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
