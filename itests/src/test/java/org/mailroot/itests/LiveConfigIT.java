package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailroot.itests.harness.Smtp.greeting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.Instance;
import org.mailroot.itests.harness.Ports;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.ServerExtension.Listener;
import org.mailroot.itests.harness.Smtp;

/** Edits of etc/org.mailroot.listener~default.cfg applied live (CONVENTIONS.md: limits via @Modified, port rebinds). */
class LiveConfigIT {
    private static final Duration APPLIED = Duration.ofSeconds(10);
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void listenerServiceCarriesTheBoundPortAndFollowsAPortChange() throws Exception {
        int first = server.port();
        Await.until(APPLIED, "service property mailroot.listener.port=" + first,
                () -> Integer.valueOf(first).equals(server.get().listenerPort("default")));

        int moved = Ports.free();
        server.instance().setListener("port", Integer.toString(moved));
        Await.until(APPLIED, "a 220 on the new port " + moved, () -> greeting(moved, 3_000) == 220);
        Await.until(APPLIED, "the old port " + first + " to be released", () -> greeting(first, 3_000) == -1);
        Await.until(APPLIED, "service property mailroot.listener.port=" + moved,
                () -> Integer.valueOf(moved).equals(server.get().listenerPort("default")));
    }

    @Test
    @Listener("maxRecipients=3")
    void invalidValueIsRefusedAndTheOldOneStays() throws Exception {
        assertEquals(452, fourthRecipient(), "maxRecipients=3 at start");

        server.instance().setListener("maxRecipients", "0");
        Path log = server.instance().base().resolve("logs").resolve("mailroot.log");
        String refusal = Await.until(APPLIED, "an ERROR naming maxRecipients=0 in " + log,
                () -> read(log).lines().filter(l -> l.contains("ERROR") && l.contains("maxRecipients=0"))
                        .findFirst().orElse(null));
        assertEquals(452, fourthRecipient(), "the invalid 0 is refused, 3 stays in force");
        assertEquals(220, greeting(server.port(), 3_000), "the listener keeps running");

        server.instance().setListener("maxRecipients", "5");
        Await.until(APPLIED, "maxRecipients=5 to apply live", () -> fourthRecipient() == 250);

        // CONVENTIONS.md "Invalid configuration": one format for every component
        assertTrue(refusal.contains("Invalid configuration org.mailroot.listener")
                && refusal.contains("(etc/" + Instance.LISTENER_CFG + ")")
                && refusal.contains("allowed:") && refusal.contains("keeping 3"),
                "the refusal follows 'Invalid configuration <pid> (etc/<file>): <key>=<value>; allowed: <range>; "
                + "keeping <old value>': " + refusal);
    }

    /** The reply to the 4th RCPT of one transaction. */
    private int fourthRecipient() {
        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            smtp.command("MAIL FROM:<limits@client.example>");
            for (int i = 1; i <= 3; i++) {
                assertEquals(250, smtp.command("RCPT TO:<r" + i + "@example.com>").code());
            }
            return smtp.command("RCPT TO:<r4@example.com>").code();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
