package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * Local domains end to end (configuration.md "org.mailroot.domain", "org.mailroot.delivery.local"):
 * bare postmaster (RFC 5321 4.5.1), alias domains, known mailboxes only, Maildir written live.
 */
class LocalDomainsIT {
    private static final Duration DELIVERED = Duration.ofSeconds(15);
    private static final Duration APPLIED = Duration.ofSeconds(10);

    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance -> {
        instance.write("org.mailroot.domain~alias.test.cfg", Map.of("name", "alias.test", "alias", "true"));
    });

    @Test
    void barePostmasterAndPostmasterAtTheDomainAreAccepted() throws Exception {
        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            assertEquals(250, smtp.command("MAIL FROM:<someone@client.example>").code());
            Smtp.Reply bare = smtp.command("RCPT TO:<postmaster>");
            assertEquals(250, bare.code(), "RFC 5321 4.5.1: <postmaster> without a domain must be accepted: " + bare);
            Smtp.Reply full = smtp.command("RCPT TO:<postmaster@example.com>");
            assertEquals(250, full.code(), "postmaster@example.com: " + full);
            assertEquals(250, smtp.data("Subject: pm-1\r\n\r\nto the postmaster").code());
        }
        MailFile mail = server.instance().dropFolder().awaitWith("Subject", "pm-1", DELIVERED);
        assertFalse(mail.receivers().isEmpty(), "no receivers recorded");
        assertTrue(mail.receivers().stream().allMatch(r -> r.equalsIgnoreCase("postmaster@example.com")),
                "both recipients go to postmaster@<default domain>: " + mail.receivers());
    }

    @Test
    void aliasDomainDeliversToTheDefaultDomainsMailbox() throws Exception {
        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            assertEquals(250, smtp.command("MAIL FROM:<someone@client.example>").code());
            Smtp.Reply rcpt = smtp.command("RCPT TO:<carol@alias.test>");
            assertEquals(250, rcpt.code(), "alias.test is a local (alias) domain: " + rcpt);
            assertEquals(250, smtp.data("Subject: alias-1\r\n\r\nvia the alias").code());
        }
        MailFile mail = server.instance().dropFolder().awaitWith("Subject", "alias-1", DELIVERED);
        assertEquals(List.of("carol@example.com"), mail.receivers(),
                "user@alias delivers to user@<default domain>");
    }

    @Test
    void onlyKnownMailboxesWhenUnknownUsersAreRefusedAndMaildirLive() throws Exception {
        server.instance().write("org.mailroot.domain~example.com.cfg",
                Map.of("name", "example.com", "default", "true", "mailboxes", "alice"));
        server.instance().write("org.mailroot.delivery.local.cfg", Map.of("format", "eml", "acceptUnknownUsers", "false"));
        // the two files are applied as two configuration events a few ms apart: wait for both
        Await.until(APPLIED, "bob@example.com refused (acceptUnknownUsers=false) and alice accepted (mailboxes=alice)",
                () -> rcpt("bob@example.com").code() == 550 && rcpt("alice@example.com").code() == 250);
        Smtp.Reply bob = rcpt("bob@example.com");
        assertTrue(bob.code() == 550 && bob.text().startsWith("5.1.1"), "unknown mailbox: 550 5.1.1, got " + bob);
        Smtp.Reply alice = rcpt("alice@example.com");
        assertEquals(250, alice.code(), "alice is listed in mailboxes=: " + alice);

        server.instance().write("org.mailroot.delivery.local.cfg", Map.of("format", "maildir", "acceptUnknownUsers", "false"));
        Path newDir = server.instance().drop().resolve("example.com").resolve("alice").resolve("new");
        // the format switch is live: retry (new subject each time) until a message lands in the Maildir
        int[] n = {0};
        Path file = Await.until(APPLIED.plus(DELIVERED), "a message in " + newDir + " after format=maildir", () -> {
            String subject = "maildir-" + (++n[0]);
            send("alice@example.com", subject);
            return Await.until(DELIVERED, subject + " in Drop/", () -> find(newDir, subject)
                    .or(() -> server.instance().dropFolder().find(m -> m.has("Subject", subject)).map(MailFile::path))
                    .orElse(null)).startsWith(newDir) ? find(newDir, subject).get() : null;
        });
        assertTrue(Files.readString(file).contains("Subject: maildir-"), "the Maildir file is the message: " + file);
    }

    private Smtp.Reply rcpt(String address) {
        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            smtp.command("MAIL FROM:<someone@client.example>");
            return smtp.command("RCPT TO:<" + address + ">");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void send(String to, String subject) {
        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            assertEquals(250, smtp.command("MAIL FROM:<someone@client.example>").code());
            assertEquals(250, smtp.command("RCPT TO:<" + to + ">").code());
            Smtp.Reply r = smtp.data("Subject: " + subject + "\r\n\r\nbody");
            assertEquals(250, r.code(), "DATA: " + r);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static java.util.Optional<Path> find(Path dir, String subject) {
        if (!Files.isDirectory(dir)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                try {
                    return Files.readString(p).contains("Subject: " + subject + "\r") || Files.readString(p).contains("Subject: " + subject + "\n");
                } catch (IOException e) {
                    return false;
                }
            }).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
