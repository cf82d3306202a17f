package org.mailroot.spool.pickup;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.spool.badmail.BadMail;
import org.mailroot.spool.events.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches Pickup/ and hands finished files to the {@link PickupIntake}. A WatchService wakes it
 * early; a scan at least every {@code scanInterval} is the fallback for file systems that do not
 * notify (network shares). A file is taken only when unmodified for {@code quiet} (default 1 s),
 * because a writer copying a large file gives no "done" signal; writers that can should write
 * a hidden ({@code .name}) or {@code *.tmp} file, which is never taken, and rename it when done.
 * Files are taken in batches, and a batch is waited for, so a flood of files never floods memory.
 */
public final class PickupWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PickupWatcher.class);
    private static final int BATCH = 64;
    /** Pickup files are read whole; anything larger is not a plausible message. */
    private static final long MAX_FILE = 64L * 1024 * 1024;
    private static final Duration RETRY_LATER = Duration.ofSeconds(60);

    private final Path dir;
    private final PickupIntake intake;
    private final Duration quiet;
    private final Duration scanInterval;
    private final Map<String, Long> notBefore = new HashMap<>();
    private final Thread thread;
    private final WatchService watch;
    private volatile boolean running = true;

    /**
     * Starts watching {@code dir}.
     *
     * @param store the spool's durable store()
     * @param resolvers the recipient resolvers in ascending ranking order (as DS injects them)
     */
    public static PickupWatcher start(Path dir, BiFunction<Envelope, MessageContent, CompletionStage<Void>> store,
            Supplier<String> ids, Supplier<List<RecipientResolver>> resolvers, BadMail badMail, Events events,
            String serverName, Duration quiet, Duration scanInterval) throws IOException {
        PickupIntake intake = new PickupIntake(store, ids, new PickupRouter(resolvers), badMail, events,
                serverName, MAX_FILE);
        return new PickupWatcher(dir, intake, quiet, scanInterval);
    }

    PickupWatcher(Path dir, PickupIntake intake, Duration quiet, Duration scanInterval) throws IOException {
        this.dir = dir;
        this.intake = intake;
        this.quiet = quiet;
        this.scanInterval = scanInterval;
        this.watch = dir.getFileSystem().newWatchService();
        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::run, "mailroot-pickup");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long wait = 0;
        while (running) {
            try {
                var key = watch.poll(wait, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                wait = scan();
            } catch (ClosedWatchServiceException | InterruptedException e) {
                break;
            } catch (IOException | RuntimeException e) {
                LOG.error("Scanning {} failed", dir, e);
                wait = scanInterval.toMillis();
            }
        }
    }

    /** Takes one batch of ripe files; returns how long to wait before the next scan. */
    private long scan() throws IOException {
        long now = System.currentTimeMillis();
        long wait = scanInterval.toMillis();
        List<Path> ripe = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".tmp") || notBefore.getOrDefault(name, 0L) > now) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                long age = now - a.lastModifiedTime().toMillis();
                if (!a.isRegularFile()) {
                    continue;
                } else if (age < quiet.toMillis()) {
                    wait = Math.min(wait, quiet.toMillis() - age + 10); // come back when it is ripe
                } else if (ripe.size() < BATCH) {
                    ripe.add(p);
                } else {
                    wait = 0; // more than a batch waiting: go on at once
                }
            }
        }
        notBefore.values().removeIf(t -> t <= now);
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        for (Path p : ripe) {
            String name = p.getFileName().toString();
            batch.add(intake.take(p).toCompletableFuture().thenAccept(outcome -> {
                if (outcome == PickupIntake.Outcome.RETRY_LATER) {
                    synchronized (notBefore) {
                        notBefore.put(name, System.currentTimeMillis() + RETRY_LATER.toMillis());
                    }
                }
            }));
        }
        CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
        return wait;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("Closing the watch service: {}", e.toString());
        }
        thread.join(10_000);
    }
}
