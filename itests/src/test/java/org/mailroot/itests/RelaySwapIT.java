package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.Distribution;
import org.mailroot.itests.harness.RelayLoadClient;
import org.mailroot.itests.harness.RelayLoadClient.Outcome;
import org.mailroot.itests.harness.RelayReady;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.ServerExtension.Listener;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The relay bundle stopped, started, updated while stopped and started again while clients keep
 * sending to a local and a non-local recipient (relay granted to them): while it is absent every
 * non-local recipient gets 451 (never 250, never 5xx), local mail keeps flowing, no session drops,
 * and every acknowledged message reaches Drop/.
 */
class RelaySwapIT {
    private static final int THREADS = 4;
    private static final int PER_PHASE = 40;
    private static final Duration PHASE = Duration.ofSeconds(30);

    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance ->
            instance.write(RelayIT.RELAY_CFG, Map.of("relayList", "127.0.0.1")));

    @BeforeEach
    void relayReady() {
        RelayReady.await(server.get());
    }

    @Test
    @Listener("requireRelayPolicy=true")
    void relayBundleSwappedUnderLoad() throws Exception {
        Bundle relay = bundle("org.mailroot.relay");
        RelayLoadClient.Results results = new RelayLoadClient.Results();
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        for (int i = 0; i < THREADS; i++) {
            clients.execute(new RelayLoadClient(server.port(), "swap" + i, results));
        }
        await(results, System.nanoTime(), 250, "relayed with the bundle active");

        relay.stop();
        long stopped = System.nanoTime();
        await(results, stopped, 451, "deferred while the bundle is stopped");
        long starting = System.nanoTime();
        relay.start();
        long started = System.nanoTime();
        await(results, started, 250, "relayed after start");

        relay.stop();
        long stopped2 = System.nanoTime();
        try (InputStream jar = Files.newInputStream(relayJar())) {
            relay.update(jar);
        }
        refresh(relay);
        await(results, stopped2, 451, "deferred while the bundle is updated");
        long starting2 = System.nanoTime();
        relay.start();
        long started2 = System.nanoTime();
        await(results, started2, 250, "relayed by the updated bundle");

        results.running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "clients finish");

        assertTrue(results.errors.isEmpty(), "no session dropped: " + results.errors);
        List<Outcome> permanent = results.remoteRcpts.stream().filter(o -> o.code() >= 500).toList();
        assertTrue(permanent.isEmpty(), "a swap never bounces a non-local recipient: " + limit(permanent));
        List<Outcome> acceptedWhileAbsent = results.remoteRcpts.stream()
                .filter(o -> within(o, stopped, starting) || within(o, stopped2, starting2))
                .filter(o -> o.code() != 451).toList();
        assertTrue(acceptedWhileAbsent.isEmpty(), "while absent only 451: " + limit(acceptedWhileAbsent));
        List<Outcome> lost = results.messages.stream().filter(o -> o.code() != 250).toList();
        assertTrue(lost.isEmpty(), "local mail keeps flowing: " + limit(lost));
        assertEquals(Bundle.ACTIVE, relay.getState());

        Set<String> acked = results.messages.stream().map(Outcome::subject).collect(Collectors.toSet());
        Await.until(Duration.ofSeconds(60), "all " + acked.size() + " acknowledged messages in Drop/", () -> server.instance()
                .dropFolder().mails().stream().map(m -> m.header("Subject").orElse("")).collect(Collectors.toSet())
                .containsAll(acked));
        System.out.printf("relay swap: %d messages, %d non-local RCPT: %d accepted, %d deferred%n", acked.size(),
                results.remoteRcpts.size(), results.remoteRcpts.stream().filter(o -> o.code() == 250).count(),
                results.remoteRcpts.stream().filter(o -> o.code() == 451).count());
    }

    /** Sent after the bundle was gone and answered before it was asked to come back. */
    private static boolean within(Outcome o, long from, long to) {
        return o.sentNanos() - from > 0 && o.repliedNanos() - to < 0;
    }

    private static List<Outcome> limit(List<Outcome> list) {
        return list.stream().limit(10).toList();
    }

    private static void await(RelayLoadClient.Results results, long since, int code, String phase) {
        Await.until(PHASE, PER_PHASE + " non-local RCPT answered " + code + " " + phase + " (errors so far: "
                + results.errors + ")", () -> results.remoteSince(since, code) >= PER_PHASE && results.ackedSince(since) >= PER_PHASE);
    }

    private Bundle bundle(String symbolicName) {
        return Stream.of(server.get().context().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError(symbolicName + " is not in the distribution"));
    }

    private static Path relayJar() throws Exception {
        // system/ is a Maven repository layout (org/mailroot/mailroot-relay/VERSION/mailroot-relay-VERSION.jar)
        try (Stream<Path> jars = Files.walk(Distribution.home().resolve("system"))) {
            return jars.filter(p -> p.getFileName().toString().startsWith("mailroot-relay-")).findFirst().orElseThrow();
        }
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
}
