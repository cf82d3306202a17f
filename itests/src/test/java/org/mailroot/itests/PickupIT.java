package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.ServerExtension;

/**
 * The IIS Pickup/ folder (design.md: Pickup/ watcher in the spool): a file written there is
 * queued and delivered like SMTP mail, then removed; a file that cannot be mail goes to BadMail/
 * with a .reason file.
 */
class PickupIT {
    private static final Duration TAKEN = Duration.ofSeconds(20);

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void iisEnvelopeLinesGiveTheRecipient() throws Exception {
        Path file = drop("envelope.eml", """
                x-sender: pickup@client.example
                x-receiver: alice@example.com
                From: Pickup <pickup@client.example>
                To: someone-else@example.com
                Subject: pickup-envelope

                body from the pickup folder
                """);
        MailFile mail = server.instance().dropFolder().awaitWith("Subject", "pickup-envelope", TAKEN);
        assertEquals(List.of("alice@example.com"), mail.receivers(),
                "x-receiver gives the envelope recipient, not the To header");
        assertEquals("pickup@client.example", mail.xSender().replaceAll("[<>]", ""), "x-sender gives the sender");
        assertTrue(mail.body().contains("body from the pickup folder"), mail.body());
        assertEquals(1, server.instance().dropFolder().allWith("Subject", "pickup-envelope").size(),
                "only the x-receiver gets a copy");
        Await.until(TAKEN, "the pickup file " + file + " to be removed", () -> !Files.exists(file));
    }

    @Test
    void headersOnlyDeliverToToAndBccAndBccIsRemoved() throws Exception {
        Path file = drop("headers.eml", """
                From: Pickup <pickup@client.example>
                To: Alice <alice@example.com>
                Bcc: hidden@example.com
                Subject: pickup-headers

                addressed by headers only
                """);
        Set<String> receivers = Await.until(TAKEN, "copies for alice@ and hidden@ in Drop/", () -> {
            Set<String> all = server.instance().dropFolder().allWith("Subject", "pickup-headers").stream()
                    .flatMap(m -> m.receivers().stream()).map(String::toLowerCase)
                    .collect(Collectors.toCollection(TreeSet::new));
            return all.containsAll(Set.of("alice@example.com", "hidden@example.com")) ? all : null;
        });
        assertEquals(Set.of("alice@example.com", "hidden@example.com"), receivers, "exactly To and Bcc");
        for (MailFile mail : server.instance().dropFolder().allWith("Subject", "pickup-headers")) {
            assertTrue(mail.headers("Bcc").isEmpty(), "RFC 5322 3.6.3: Bcc removed from the delivered copy "
                    + mail.path() + ": " + mail.headers());
            assertFalse(mail.body().contains("hidden@example.com") || mail.headers().stream()
                    .anyMatch(h -> h.contains("hidden@example.com") && !h.toLowerCase().startsWith("received")),
                    "the Bcc address is not disclosed in " + mail.path() + ": " + mail.headers());
        }
        Await.until(TAKEN, "the pickup file " + file + " to be removed", () -> !Files.exists(file));
    }

    @Test
    void aFileWithoutRecipientsGoesToBadMailWithAReason() throws Exception {
        Path file = drop("norecipients.eml", """
                From: Pickup <pickup@client.example>
                Subject: pickup-malformed

                nobody to deliver to
                """);
        Path badMail = server.instance().base().resolve("mailroot").resolve("BadMail");
        List<Path> reasons = Await.until(TAKEN, "a .reason file in " + badMail, () -> {
            List<Path> r = list(badMail).stream().filter(p -> p.getFileName().toString().endsWith(".reason")).toList();
            return r.isEmpty() ? null : r;
        });
        assertEquals(1, reasons.size(), "one reason file: " + list(badMail));
        String reasonName = reasons.get(0).getFileName().toString();
        String base = reasonName.substring(0, reasonName.length() - ".reason".length());
        List<Path> moved = list(badMail).stream()
                .filter(p -> p.getFileName().toString().startsWith(base) && !p.equals(reasons.get(0))).toList();
        assertEquals(1, moved.size(), "the bad file beside its .reason: " + list(badMail));
        assertTrue(Files.readString(moved.get(0)).contains("nobody to deliver to"), "BadMail holds the file's content");
        assertFalse(Files.readString(reasons.get(0)).isBlank(), "the reason says why");
        Await.until(TAKEN, "the pickup file " + file + " to be gone", () -> !Files.exists(file));
        assertTrue(server.instance().dropFolder().allWith("Subject", "pickup-malformed").isEmpty(), "nothing delivered");
    }

    /** Writes under a hidden name (never taken) and renames into place, as a careful writer does. */
    private Path drop(String name, String text) throws IOException {
        Path pickup = server.instance().base().resolve("mailroot").resolve("Pickup");
        Await.until(TAKEN, "the spool to create " + pickup, () -> Files.isDirectory(pickup));
        Path tmp = pickup.resolve("." + name);
        Files.writeString(tmp, text.replace("\n", "\r\n"), StandardCharsets.US_ASCII);
        Path target = pickup.resolve(name);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
