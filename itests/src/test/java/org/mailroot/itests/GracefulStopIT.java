package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.Instance;
import org.mailroot.itests.harness.MessageIdScan;
import org.mailroot.itests.harness.OutOfProcessServer;
import org.mailroot.itests.harness.Smtp;

/**
 * bin/mailroot run stopped with SIGTERM (Help: "in-flight SMTP transactions drain, exits 0"): a
 * DATA transaction half sent when the signal arrives still completes with 250 and is kept; new
 * connections are no longer served; the JVM exits 0 within the drain bound.
 */
class GracefulStopIT {
    /** The listener drains for 30 s; the framework stop is bounded at 60 s. */
    private static final Duration DRAIN_BOUND = Duration.ofSeconds(40);
    private static final String MESSAGE_ID = "graceful-stop-1@client.example";

    @Test
    void sigtermDrainsTheInFlightTransactionAndExitsZero() throws Exception {
        Instance instance = Instance.create();
        try (OutOfProcessServer first = OutOfProcessServer.start(instance, 1);
                Smtp smtp = Smtp.open(instance.port())) {
            smtp.ehlo();
            assertEquals(250, smtp.command("MAIL FROM:<stop@client.example>").code());
            assertEquals(250, smtp.command("RCPT TO:<alice@example.com>").code());
            assertEquals(354, smtp.command("DATA").code());
            smtp.send("Message-ID: <" + MESSAGE_ID + ">\r\nSubject: graceful-stop\r\n\r\nfirst half of the body\r\n");

            long pid = first.jvm().pid();
            first.sigterm();

            // the stop has begun: a new connection is refused, or greeted with 421 (RFC 5321 3.8)
            int newConnection = Await.until(Duration.ofSeconds(15),
                    "a new connection to be refused or get 421 after SIGTERM to pid " + pid, () -> {
                        int code = Smtp.greeting(instance.port(), 2_000);
                        return code == -1 || code == 421 ? code : null;
                    });
            assertTrue(first.jvm().isAlive(), "the JVM waits for the open transaction (pid " + pid + ")");

            smtp.send("second half of the body\r\n.\r\n");
            Smtp.Reply end;
            try {
                end = smtp.read();
            } catch (IOException e) {
                throw new AssertionError("the in-flight transaction was cut off by SIGTERM: " + e
                        + "\nconsole:\n" + first.console(), e);
            }
            assertEquals(250, end.code(), "in-flight DATA drained after SIGTERM: " + end);

            int exit = first.awaitExit(DRAIN_BOUND);
            assertEquals(0, exit, "bin/mailroot run exits 0 after SIGTERM:\n" + first.console());
            System.out.printf("graceful stop: new connection after SIGTERM -> %s, in-flight DATA -> %s, exit %d%n",
                    newConnection == -1 ? "refused" : "421", end, exit);
        }

        Map<String, Integer> kept = MessageIdScan.tree(instance.queue());
        Map<String, Integer> delivered = MessageIdScan.drop(instance.drop());
        assertTrue(kept.containsKey(MESSAGE_ID) || delivered.containsKey(MESSAGE_ID),
                "the 250 message is in Queue/ or Drop/ after the stop");
        if (!delivered.containsKey(MESSAGE_ID)) {
            try (OutOfProcessServer second = OutOfProcessServer.start(instance, 2)) {
                Await.until(Duration.ofSeconds(60), MESSAGE_ID + " delivered to Drop/ after the restart",
                        () -> MessageIdScan.drop(instance.drop()).containsKey(MESSAGE_ID));
            }
        }
        String text = instance.dropFolder().find(m -> m.header("Message-ID").orElse("").contains(MESSAGE_ID))
                .map(m -> m.body()).orElseThrow();
        assertTrue(text.contains("first half of the body") && text.contains("second half of the body"),
                "the whole body, both halves: " + text);
    }
}
