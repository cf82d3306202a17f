package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.Instance;
import org.mailroot.itests.harness.LoadClient;
import org.mailroot.itests.harness.MessageIdScan;
import org.mailroot.itests.harness.OutOfProcessServer;

/**
 * Durability: 250 is sent only after the message is in Queue/ (design §1). The server JVM is
 * killed with SIGKILL while clients stream mail; every acknowledged message must survive, and
 * recovery on the next start must deliver it.
 */
class CrashRecoveryIT {
    private static final int THREADS = 8;
    private static final int ACKS_BEFORE_KILL = 60;

    @Test
    void everyAcknowledgedMessageSurvivesKill9() throws Exception {
        Instance instance = Instance.create();
        LoadClient.Results results = new LoadClient.Results();
        Set<String> acked;
        try (OutOfProcessServer first = OutOfProcessServer.start(instance, 1)) {
            // 220 comes once the listener is bound, possibly before the local domain is configured:
            // load that starts earlier gets 550 relaying denied, which is not what this test is about
            Await.until(Duration.ofSeconds(30), "example.com served as a local domain",
                    () -> localRecipient(instance.port()) == 250);
            ExecutorService clients = Executors.newFixedThreadPool(THREADS);
            for (int i = 0; i < THREADS; i++) {
                clients.execute(new LoadClient(instance.port(), "crash" + i, i % 2 == 0 ? 10 : 1, results, true));
            }
            Await.until(Duration.ofSeconds(60), ACKS_BEFORE_KILL + " acknowledged messages before the kill"
                    + " (errors: " + results.errors + results.permanents + ")", () -> results.acks.size() >= ACKS_BEFORE_KILL);
            int killed = first.killJvm(); // mid-stream: the clients are still sending
            results.running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "clients finish");
            assertTrue(killed >= 1, "a java process was found under bin/mailroot and killed");
            acked = results.acks.stream().map(a -> a.subject() + "@client.example").collect(Collectors.toSet());
            assertTrue(results.permanents.isEmpty(), "no 5xx under load: " + results.permanents);
        }

        Map<String, Integer> queued = MessageIdScan.tree(instance.queue());
        Map<String, Integer> dropped = MessageIdScan.drop(instance.drop());
        List<String> lost = acked.stream().filter(id -> !queued.containsKey(id) && !dropped.containsKey(id)).sorted().toList();
        assertTrue(lost.isEmpty(), lost.size() + " of " + acked.size() + " acknowledged messages are in neither Queue/ nor Drop/ "
                + "right after kill -9: " + lost.stream().limit(20).toList());

        long queuedOnly = acked.stream().filter(id -> queued.containsKey(id) && !dropped.containsKey(id)).count();
        System.out.printf("crash test: at the kill, %d acknowledged messages were still only in Queue/%n", queuedOnly);

        try (OutOfProcessServer second = OutOfProcessServer.start(instance, 2)) {
            try {
                Await.until(Duration.ofSeconds(60), "recovery to deliver all " + acked.size() + " acknowledged messages",
                        () -> MessageIdScan.drop(instance.drop()).keySet().containsAll(acked));
            } catch (AssertionError e) {
                Map<String, Integer> inDrop = MessageIdScan.drop(instance.drop());
                Map<String, Integer> inQueue = MessageIdScan.tree(instance.queue());
                List<String> notDelivered = acked.stream().filter(id -> !inDrop.containsKey(id)).sorted().toList();
                List<String> missing = notDelivered.stream().filter(id -> !inQueue.containsKey(id)).toList();
                throw new AssertionError(e.getMessage() + "; not delivered: " + notDelivered.size()
                        + " (of which in neither Queue/ nor Drop/: " + missing.size() + " " + missing.stream().limit(10).toList()
                        + ")\nconsole:\n" + second.console(), e);
            }
            Map<String, Integer> finalDrop = MessageIdScan.drop(instance.drop());
            long duplicates = acked.stream().filter(id -> finalDrop.getOrDefault(id, 0) > 1).count();
            System.out.printf("crash test: %d acknowledged before kill -9, all delivered after recovery, "
                    + "%d delivered twice (at-least-once), %d client errors around the kill%n",
                    acked.size(), duplicates, results.errors.size());
        }
    }

    private static int localRecipient(int port) {
        try (org.mailroot.itests.harness.Smtp smtp = org.mailroot.itests.harness.Smtp.open(port)) {
            smtp.ehlo();
            smtp.command("MAIL FROM:<ready@client.example>");
            return smtp.command("RCPT TO:<ready@example.com>").code();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
