package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.Examples;
import org.mailroot.itests.harness.MailFolder;
import org.mailroot.itests.harness.Messages;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Services;
import org.mailroot.itests.harness.Smtp;

/**
 * docs/plugins.md, the integrator kit: the example recipient router dropped into deploy/ of a
 * running server routes *@vip.example to Drop/vip/ from the next SMTP command of a session that
 * was already open; removed again, vip mail goes to the ordinary Drop/ once more.
 */
class VipRouterExampleIT {
    private static final String COMPONENT = "org.mailroot.example.viprouter.VipRouter";
    private static final Duration APPLIED = Duration.ofSeconds(20);
    private static final Duration DELIVERED = Duration.ofSeconds(20);
    private static final String PROBE = "probe-";

    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance ->
            // vip.example is an ordinary local domain before the plugin arrives
            instance.write("org.mailroot.domain~vip.example.cfg", Map.of("name", "vip.example")));

    @Test
    void routerDroppedIntoDeployRoutesFromTheNextCommandAndRemovingItRestoresDrop() throws Exception {
        MailFolder drop = server.instance().dropFolder();
        MailFolder vip = new MailFolder(server.instance().drop().resolve("vip"));
        try (Smtp session = Smtp.open(server.port())) {
            assertEquals(250, session.ehlo().code());
            String before = send(session, "boss@vip.example");
            drop.awaitWith("Subject", before, DELIVERED);
            assertTrue(vip.files().isEmpty(), "no Drop/vip before the plugin");

            // MAIL before the jar arrives, RCPT after: the hook snapshot is per command
            assertEquals(250, session.command("MAIL FROM:<sender@client.example>").code());
            Path jar = Examples.deploy(server.instance(), Examples.VIP_ROUTER);
            Services.awaitRegistered(server.get(), COMPONENT, APPLIED);
            // the registry lists a new service a moment before the listener has bound it (the
            // REGISTERED event comes after): a probe on another connection waits for that
            Await.until(APPLIED, "a probe message to be routed to Drop/vip", () -> probeRouted(drop, vip));
            String routed = finish(session, "boss@vip.example");
            vip.awaitWith("Subject", routed, DELIVERED);
            String ordinary = send(session, "user@example.com");
            drop.awaitWith("Subject", ordinary, DELIVERED);

            Files.delete(jar);
            Services.awaitGone(server.get(), COMPONENT, APPLIED);
            String after = send(session, "boss@vip.example");
            drop.awaitWith("Subject", after, DELIVERED);
            assertEquals(221, session.command("QUIT").code());

            assertEquals(List.of(), vip.mails().stream().map(m -> m.header("Subject").orElse(""))
                    .filter(subject -> !subject.equals(routed) && !subject.startsWith(PROBE)).toList(),
                    "only the messages sent while the router was deployed are in Drop/vip");
            assertTrue(drop.allWith("Subject", routed).isEmpty(), "the routed message is not in Drop/ itself");
            assertTrue(vip.allWith("Subject", ordinary).isEmpty() && vip.allWith("Subject", after).isEmpty(),
                    "other domains, and vip mail after the removal, are not routed");
        }
    }

    /** Sends a probe on a new connection, waits for its delivery, and says whether it was routed. */
    private boolean probeRouted(MailFolder drop, MailFolder vip) {
        String subject = PROBE + UUID.randomUUID();
        try {
            assertEquals(250, Messages.send(server.port(), "probe@client.example", "probe@vip.example", subject).code());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String folder = Await.until(DELIVERED, "the probe " + subject + " in Drop/ or Drop/vip/", () -> {
            if (!vip.allWith("Subject", subject).isEmpty()) {
                return "vip";
            }
            return drop.allWith("Subject", subject).isEmpty() ? null : "drop";
        });
        return folder.equals("vip");
    }

    /** A whole transaction on the open session; returns its unique subject. */
    private static String send(Smtp session, String to) throws Exception {
        assertEquals(250, session.command("MAIL FROM:<sender@client.example>").code());
        return finish(session, to);
    }

    private static String finish(Smtp session, String to) throws Exception {
        Smtp.Reply rcpt = session.command("RCPT TO:<" + to + ">");
        assertEquals(250, rcpt.code(), "RCPT " + to + ": " + rcpt);
        String subject = "vip-" + UUID.randomUUID();
        Smtp.Reply end = session.data("Subject: " + subject + "\r\nMessage-ID: <" + subject + "@client.example>\r\n\r\nhello");
        assertEquals(250, end.code(), "end of data: " + end);
        return subject;
    }
}
