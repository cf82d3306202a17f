package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.Examples;
import org.mailroot.itests.harness.FeatureSwitch;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.MailFolder;
import org.mailroot.itests.harness.MessageIdScan;
import org.mailroot.itests.harness.PluginJar;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Services;
import org.mailroot.itests.harness.Smtp;
import org.mailroot.itests.harness.StallReport;
import org.mailroot.itests.harness.SteadyLoad;
import org.mailroot.itests.harness.SteadyLoad.Ack;
import org.mailroot.itests.plugin.VersionTagFilter;
import org.osgi.framework.Bundle;

/**
 * Issue 3 point 6, hot swap under load: client threads keep transactions flowing (half reuse
 * their connection, half connect per message) to *@vip.example, routed by the example router to
 * Drop/vip/, while the test in turn (b) updates a plugin bundle in deploy/ to a new version,
 * (c) changes a listener limit in etc/, (d) pauses and resumes the virtual server and (a)
 * disables and re-enables the delivery-local feature with the admin command (bin/mailroot
 * feature disable|enable): RCPT still succeeds through the router, mail waits in Queue/.
 * Asserts 0 failed transactions (5xx, dropped connection, timeout), every acknowledged message
 * in Drop exactly once, and reports retried 4xx and the longest stall. Sizes: system properties
 * mailroot.hotswap.* (bench/hotswap.sh).
 */
class HotSwapUnderLoadIT {
    private static final int THREADS = Integer.getInteger("mailroot.hotswap.threads", 6);
    private static final int PER_PHASE = Integer.getInteger("mailroot.hotswap.perPhase", 40);
    private static final long PHASE_MILLIS = Long.getLong("mailroot.hotswap.phaseMillis", 500);
    private static final int ROUNDS = Integer.getInteger("mailroot.hotswap.rounds", 1);
    private static final int BODY_BYTES = Integer.getInteger("mailroot.hotswap.bodyBytes", 2048);
    private static final long PAUSE_MILLIS = Long.getLong("mailroot.hotswap.pauseMillis", 0);
    private static final long MAX_GAP_MILLIS = Long.getLong("mailroot.hotswap.maxGapMillis", 10_000);
    private static final Duration APPLIED = Duration.ofSeconds(20);
    private static final String ROUTER = "org.mailroot.example.viprouter.VipRouter";
    private static final String PLUGIN_FILE = "versiontag.jar";
    private static final String PAUSED = "(d) paused";

    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance -> {
        Examples.deploy(instance, Examples.VIP_ROUTER);
        Examples.deploy(instance, PLUGIN_FILE, PluginJar.build("1.0.0"));
    });

    /** A plugin version and the window in which every message must carry its tag. */
    private record Window(String version, long from, long to) {
    }

    @Test
    void noFailedOrLostTransactionWhileTheServerChangesUnderLoad() throws Exception {
        Services.awaitRegistered(server.get(), ROUTER, APPLIED);
        // registered is not yet bound by the listener (the REGISTERED event follows): probe RCPT
        Await.until(APPLIED, "the router to accept probe@vip.example", () -> rcptAccepted("probe@vip.example"));
        awaitPlugin("1.0.0");
        Path vipDrop = server.instance().drop().resolve("vip");
        FeatureSwitch localDelivery = new FeatureSwitch(server.get(), "delivery-local");
        List<Window> windows = new ArrayList<>();
        List<String> heldInQueue = new ArrayList<>();
        long t0 = System.nanoTime();
        StallReport report = new StallReport(t0);
        List<Ack> acks;
        SteadyLoad load = new SteadyLoad(server.port(), THREADS, "vip.example", BODY_BYTES);
        try {
            phase(load, t0, "warm-up");
            for (int round = 1; round <= ROUNDS; round++) {
                String r = ROUNDS > 1 ? "r" + round + " " : "";
                String version = (round + 1) + ".0.0";
                report.mark(r + "(b) plugin update to " + version);
                Examples.deploy(server.instance(), PLUGIN_FILE, PluginJar.build(version));
                awaitPlugin(version);
                long updated = System.nanoTime();
                phase(load, updated, "after the update to " + version);
                windows.add(new Window(version, updated, System.nanoTime()));

                int sizeKb = round % 2 == 1 ? 1024 : 2048;
                report.mark(r + "(c) maxMessageSizeKb=" + sizeKb);
                server.instance().setListener("maxMessageSizeKb", Integer.toString(sizeKb));
                Await.until(APPLIED, "EHLO to announce SIZE " + sizeKb * 1024L, () -> ehloSize() == sizeKb * 1024L);
                phase(load, System.nanoTime(), "after the limit change");

                report.mark(r + PAUSED);
                int retriedBefore = load.retried.size();
                server.instance().setListener("paused", "true");
                Await.until(APPLIED, "new connections refused with 421", () -> Smtp.greeting(server.port(), 3_000) == 421);
                // hold the pause until every client has, on average, been refused twice (and pauseMillis passed)
                long pausedAt = System.nanoTime();
                Await.until(APPLIED.plusMillis(PAUSE_MILLIS), "clients refused and retrying",
                        () -> load.retried.size() - retriedBefore >= 2 * THREADS
                                && (System.nanoTime() - pausedAt) / 1_000_000 >= PAUSE_MILLIS);
                report.mark(r + "(d) resumed");
                server.instance().setListener("paused", "false");
                Await.until(APPLIED, "220 again after paused=false", () -> Smtp.greeting(server.port(), 3_000) == 220);
                phase(load, System.nanoTime(), "after the resume");

                report.mark(r + "(a) delivery-local disabled");
                localDelivery.disable();
                long disabled = System.nanoTime();
                phase(load, disabled, "with delivery-local disabled");
                heldInQueue.addAll(heldInQueue(load, disabled, vipDrop));
                report.mark(r + "(a) delivery-local enabled");
                localDelivery.enable();
                phase(load, System.nanoTime(), "with delivery-local enabled again");
            }
            report.mark("stopping clients");
        } finally {
            load.close();
        }
        acks = new ArrayList<>(load.acks);

        Map<String, Integer> found = awaitDelivered(vipDrop, acks);
        List<String> duplicates = acks.stream().map(a -> a.subject()).filter(s -> found.get(messageId(s)) > 1).toList();
        List<String> wrongTag = wrongTags(vipDrop, acks, windows);
        StallReport.Gap gap = report.longestGap(acks, List.of());
        StallReport.Gap gapOutsidePause = report.longestGap(acks, pauseSteps());
        Ack longest = StallReport.longestTransaction(acks);
        long refusedConnects = load.retried.stream().filter(s -> s.contains(" connect: ")).count();
        System.out.printf("HOTSWAP threads=%d rounds=%d perPhase=%d bodyBytes=%d: %d acknowledged, %d failed, "
                        + "%d lost, %d duplicated; retried 4xx: %d (connections refused while paused %d, other 4xx %d)%n",
                THREADS, ROUNDS, PER_PHASE, BODY_BYTES, acks.size(), load.failures.size(), 0, duplicates.size(),
                load.retried.size(), refusedConnects, load.retried.size() - refusedConnects);
        System.out.printf("HOTSWAP longest gap between two 250s: %d ms (during %s); outside the pause: %d ms (during %s)%n",
                gap.millis(), gap.step(), gapOutsidePause.millis(), gapOutsidePause.step());
        System.out.printf("HOTSWAP longest transaction (first connection attempt to 250, retries included): %d ms (%s, %d attempt(s))%n",
                longest.nanos() / 1_000_000, longest.subject(), longest.attempts());
        System.out.printf("HOTSWAP %d message(s) accepted while delivery-local was disabled, held in Queue/ until it was back%n",
                heldInQueue.size());
        System.out.print(report.perStep(acks));

        assertTrue(load.failures.isEmpty(), load.failures.size() + " failed transactions: "
                + load.failures.stream().limit(20).toList());
        assertTrue(duplicates.isEmpty(), "delivered more than once: " + duplicates.stream().limit(20).toList());
        assertTrue(wrongTag.isEmpty(), "messages after a plugin update without the new version's tag: "
                + wrongTag.stream().limit(20).toList());
        assertFalse(heldInQueue.isEmpty(), "mail was accepted while delivery-local was disabled");
        assertTrue(gapOutsidePause.millis() < MAX_GAP_MILLIS, "longest gap outside the pause " + gapOutsidePause);
    }

    private List<String> pauseSteps() {
        List<String> steps = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            steps.add((ROUNDS > 1 ? "r" + round + " " : "") + PAUSED);
        }
        return steps;
    }

    /** Waits until at least PER_PHASE messages begun after since are acknowledged and PHASE_MILLIS passed. */
    private static void phase(SteadyLoad load, long since, String what) {
        Await.until(Duration.ofSeconds(60), PER_PHASE + " acknowledged messages " + what
                + " (failures so far: " + load.failures + ")",
                () -> load.acksStartedAfter(since) >= PER_PHASE && (System.nanoTime() - since) / 1_000_000 >= PHASE_MILLIS);
    }

    /** Subjects acknowledged since the feature was disabled: none may be in Drop/ yet (no transport). */
    private static List<String> heldInQueue(SteadyLoad load, long disabled, Path vipDrop) {
        Map<String, Integer> now = MessageIdScan.drop(vipDrop);
        List<String> held = load.acks.stream().filter(a -> a.firstStart() - disabled > 0).map(Ack::subject).toList();
        List<String> early = held.stream().filter(s -> now.containsKey(messageId(s))).toList();
        assertEquals(List.of(), early, "delivered although delivery-local was disabled");
        return held;
    }

    private static String messageId(String subject) {
        return subject + "@client.example";
    }

    private static Map<String, Integer> awaitDelivered(Path vipDrop, List<Ack> acks) {
        try {
            return Await.until(Duration.ofSeconds(60), "all " + acks.size() + " acknowledged messages in " + vipDrop, () -> {
                Map<String, Integer> found = MessageIdScan.drop(vipDrop);
                return acks.stream().allMatch(a -> found.containsKey(messageId(a.subject()))) ? found : null;
            });
        } catch (AssertionError e) {
            Map<String, Integer> found = MessageIdScan.drop(vipDrop);
            List<String> lost = acks.stream().map(Ack::subject).filter(s -> !found.containsKey(messageId(s))).toList();
            throw new AssertionError(e.getMessage() + "; acknowledged (250) but lost: " + lost.size() + " "
                    + lost.stream().limit(20).toList(), e);
        }
    }

    /** Messages begun after an update took effect and acknowledged within its window must carry its tag. */
    private static List<String> wrongTags(Path vipDrop, List<Ack> acks, List<Window> windows) {
        Map<String, MailFile> bySubject = new MailFolder(vipDrop).mails().stream()
                .filter(m -> m.header("Subject").isPresent())
                .collect(Collectors.toMap(m -> m.header("Subject").get(), Function.identity(), (a, b) -> a));
        List<String> wrong = new ArrayList<>();
        for (Window w : windows) {
            acks.stream().filter(a -> a.firstStart() - w.from() > 0 && a.end() - w.to() < 0).forEach(a -> {
                List<String> tags = bySubject.get(a.subject()).headers(VersionTagFilter.HEADER);
                if (!tags.equals(List.of(w.version()))) {
                    wrong.add(a.subject() + " expected " + w.version() + " got " + tags);
                }
            });
        }
        return wrong;
    }

    private void awaitPlugin(String version) {
        Await.until(APPLIED, "plugin " + PluginJar.SYMBOLIC_NAME + " " + version + " active", () -> {
            Optional<Bundle> b = java.util.Arrays.stream(server.get().context().getBundles())
                    .filter(x -> PluginJar.SYMBOLIC_NAME.equals(x.getSymbolicName())).findFirst();
            return b.isPresent() && b.get().getVersion().toString().equals(version) && b.get().getState() == Bundle.ACTIVE;
        });
    }

    private boolean rcptAccepted(String recipient) {
        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            smtp.command("MAIL FROM:<probe@client.example>");
            return smtp.command("RCPT TO:<" + recipient + ">").code() == 250;
        } catch (IOException e) {
            return false;
        }
    }

    /** The SIZE a new session's EHLO announces (RFC 1870), or -1. */
    private long ehloSize() {
        try (Smtp smtp = Smtp.open(server.port())) {
            return smtp.ehlo().lines().stream().filter(l -> l.toUpperCase().startsWith("SIZE "))
                    .mapToLong(l -> Long.parseLong(l.substring(5).strip())).findFirst().orElse(-1);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
