package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;
import org.mailroot.itests.harness.Smtp.Reply;

/** paused=true in the live .cfg: open sessions finish their mail, new connections get 421; paused=false resumes. */
class PauseResumeIT {
    private static final Duration CONFIG_APPLIED = Duration.ofSeconds(10);
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void pauseKeepsOpenSessionsAndRefusesNewOnesThenResumes() throws Exception {
        String subject = "paused-" + UUID.randomUUID();
        try (Smtp open = Smtp.open(server.port())) {
            open.ehlo();
            assertEquals(250, open.command("MAIL FROM:<during@client.example>").code());
            assertEquals(250, open.command("RCPT TO:<user@example.com>").code());

            server.instance().setListener("paused", "true");
            Await.until(CONFIG_APPLIED, "a new connection to get 421 after paused=true", () -> greeting() == 421);

            Reply end = open.data("Subject: " + subject + "\r\n\r\nsent while paused");
            assertEquals(250, end.code(), "the session open before the pause completes its message: " + end);
            assertEquals(221, open.command("QUIT").code());
        }
        server.instance().dropFolder().awaitWith("Subject", subject, Duration.ofSeconds(20));
        assertEquals(421, greeting(), "still paused");

        server.instance().setListener("paused", "false");
        Await.until(CONFIG_APPLIED, "a new connection to get 220 after paused=false", () -> greeting() == 220);
    }

    /** The first reply of a new connection, or -1 when it cannot connect at all (the socket must stay bound). */
    private int greeting() {
        return Smtp.greeting(server.port(), 3_000);
    }
}
