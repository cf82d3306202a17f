package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.LoadClient;
import org.mailroot.itests.harness.LoadClient.Ack;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.PluginJar;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.plugin.VersionTagFilter;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * A MessageFilter plugin installed, stopped, updated and restarted while clients keep sending:
 * no session drops, every 250 is delivered, and the tag shows none, v1, none, v2 over time.
 */
class PluginHotSwapIT {
    private static final int THREADS = 6;
    private static final int PER_PHASE = 100;
    private static final Duration PHASE = Duration.ofSeconds(30);
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void swapUnderLoad() throws Exception {
        LoadClient.Results results = new LoadClient.Results();
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        for (int i = 0; i < THREADS; i++) {
            // half the clients reuse each connection for 5 messages, half connect for every message
            clients.execute(new LoadClient(server.port(), "swap" + i, i % 2 == 0 ? 5 : 1, results, false));
        }
        long t0 = System.nanoTime();
        awaitAcks(results, t0, "without the plugin");

        Bundle plugin = server.get().context().installBundle("itest:versiontag",
                new ByteArrayInputStream(PluginJar.build("1.0.0")));
        plugin.start();
        long v1Started = System.nanoTime();
        awaitAcks(results, v1Started, "with v1");

        long v1Stopping = System.nanoTime();
        plugin.stop();
        long v1Stopped = System.nanoTime();
        awaitAcks(results, v1Stopped, "with the plugin stopped");

        plugin.update(new ByteArrayInputStream(PluginJar.build("2.0.0")));
        refresh(plugin);
        long v2Starting = System.nanoTime();
        plugin.start();
        long v2Started = System.nanoTime();
        awaitAcks(results, v2Started, "with v2");

        results.running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "clients finish");

        assertTrue(results.errors.isEmpty(), "no session dropped (IOException on the client): " + results.errors);
        assertTrue(results.permanents.isEmpty(), "a plugin swap never causes a 5xx: " + results.permanents);
        List<Ack> acks = new ArrayList<>(results.acks);
        Map<String, MailFile> delivered = awaitAllDelivered(acks);

        List<String> wrong = new ArrayList<>();
        Map<String, Integer> checked = new java.util.TreeMap<>();
        for (Ack ack : acks) {
            List<String> tags = delivered.get(ack.subject()).headers(VersionTagFilter.HEADER);
            List<String> expected = null;
            if (after(ack.startNanos(), v1Started) && before(ack.endNanos(), v1Stopping)) {
                expected = List.of("1.0.0");
            } else if (after(ack.startNanos(), v1Stopped) && before(ack.endNanos(), v2Starting)) {
                expected = List.of();
            } else if (after(ack.startNanos(), v2Started)) {
                expected = List.of("2.0.0");
            } else if (before(ack.endNanos(), v1Started - 1)) {
                expected = List.of();
            }
            if (expected != null) {
                checked.merge(expected.isEmpty() ? "none" : expected.get(0), 1, Integer::sum);
            }
            if (tags.size() > 1 || (expected != null && !expected.equals(tags))) {
                wrong.add(ack.subject() + " expected " + expected + " got " + tags);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + acks.size() + " messages carry the wrong tag: "
                + wrong.stream().limit(20).toList());
        assertTrue(checked.getOrDefault("1.0.0", 0) >= PER_PHASE && checked.getOrDefault("2.0.0", 0) >= PER_PHASE
                && checked.getOrDefault("none", 0) >= PER_PHASE, "each phase checked on enough messages: " + checked);
        assertEquals(Bundle.ACTIVE, plugin.getState());
        System.out.printf("hot swap: %d messages acknowledged and delivered, tags checked %s, %d transient replies: %s%n",
                acks.size(), checked, results.transients.size(), results.transients.stream().limit(5).toList());
    }

    private static void awaitAcks(LoadClient.Results results, long since, String phase) {
        Await.until(PHASE, PER_PHASE + " acknowledged messages " + phase
                + " (errors so far: " + results.errors + results.permanents + ")",
                () -> results.acksStartedAfter(since) >= PER_PHASE);
    }

    private Map<String, MailFile> awaitAllDelivered(List<Ack> acks) {
        try {
            return Await.until(Duration.ofSeconds(60), "all " + acks.size() + " acknowledged messages in Drop",
                    () -> {
                        Map<String, MailFile> bySubject = bySubject();
                        return acks.stream().allMatch(a -> bySubject.containsKey(a.subject())) ? bySubject : null;
                    });
        } catch (AssertionError e) {
            Map<String, MailFile> bySubject = bySubject();
            List<String> missing = acks.stream().map(Ack::subject).filter(s -> !bySubject.containsKey(s)).toList();
            throw new AssertionError(e.getMessage() + "; acknowledged (250) but missing from Drop: "
                    + missing.size() + " " + missing.stream().limit(20).toList(), e);
        }
    }

    private Map<String, MailFile> bySubject() {
        return server.instance().dropFolder().mails().stream()
                .filter(m -> m.header("Subject").isPresent())
                .collect(Collectors.toMap(m -> m.header("Subject").get(), Function.identity(), (a, b) -> a));
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        server.get().framework().adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        assertTrue(refreshed.await(10, TimeUnit.SECONDS), "packages refreshed");
    }

    private static boolean after(long t, long mark) {
        return t - mark > 0;
    }

    private static boolean before(long t, long mark) {
        return t - mark < 0;
    }
}
