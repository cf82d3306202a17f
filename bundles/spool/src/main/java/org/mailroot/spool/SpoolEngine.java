package org.mailroot.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.spool.Folder;
import org.mailroot.api.spool.Spool;
import org.mailroot.spool.badmail.BadMail;
import org.mailroot.spool.delivery.DeliveryScheduler;
import org.mailroot.spool.delivery.Recovery;
import org.mailroot.spool.delivery.RetryPolicy;
import org.mailroot.spool.delivery.Transports;
import org.mailroot.spool.events.Events;
import org.mailroot.spool.pickup.PickupWatcher;
import org.mailroot.spool.queue.MessageIds;
import org.mailroot.spool.queue.MessageStore;
import org.mailroot.spool.queue.QueueWriter;
import org.mailroot.spool.queue.SpareFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool without OSGi: folders, durable store, scheduler, recovery and Pickup/ watcher wired
 * together. The DS component owns one and replaces it when the root or the thread count changes;
 * tests use it directly.
 */
public final class SpoolEngine implements Spool, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolEngine.class);

    private final SpoolSettings settings;
    private final Transports transports;
    private final Supplier<List<RecipientResolver>> resolvers;
    private final Events events;
    private final Map<Folder, Path> folders = new EnumMap<>(Folder.class);
    private final MessageIds ids = new MessageIds();
    private QueueWriter writer;
    private MessageStore store;
    private volatile SpareFiles spares;
    private DeliveryScheduler scheduler;
    private PickupWatcher pickup;

    public SpoolEngine(SpoolSettings settings, Transports transports, Supplier<List<RecipientResolver>> resolvers,
            Events events) {
        this.settings = settings;
        this.transports = transports;
        this.resolvers = resolvers;
        this.events = events;
    }

    /** Recycled queue files kept at most: well above the messages in flight at a time. */
    static final int SPARES = Integer.getInteger("mailroot.spool.spares", 1024);

    /** Creates the folders, recovers Queue/ (everything is retried at once) and watches Pickup/. */
    public SpoolEngine start() throws IOException {
        for (Folder f : Folder.values()) {
            Path p = settings.root().resolve(f.directoryName()).toAbsolutePath().normalize();
            Files.createDirectories(p);
            folders.put(f, p);
            LOG.info("Mailroot folder {}: {}", f.directoryName(), p);
        }
        Path queue = folders.get(Folder.QUEUE);
        FileStore fs = Files.getFileStore(queue);
        writer = new QueueWriter(queue, settings.minFreeDiskMb(), () -> usable(fs));
        try {
            BadMail badMail = new BadMail(folders.get(Folder.BADMAIL));
            // The scheduler is created first so the store can hand it every durable message.
            DeliveryScheduler sched = new DeliveryScheduler(transports, settings.retry(), settings.deliveryThreads(),
                    badMail, events, () -> store.syncQueueDirectory(), Clock.systemUTC(), eml -> spares.retire(eml));
            scheduler = sched;
            store = new MessageStore(queue, writer, settings.writerThreads(), true,
                    sched::addStored);
            spares = new SpareFiles(queue, SPARES, store.committer());
            spares.load();
            writer.spares(spares);
            Recovery.recover(queue, scheduler, badMail);
            pickup = PickupWatcher.start(folders.get(Folder.PICKUP), this::store, ids::next, resolvers, badMail,
                    events, hostName(), settings.pickupQuiet(), settings.pickupScan());
        } catch (Throwable t) {
            // Release the pools already created (scheduler threads, store writers), then rethrow.
            try {
                close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                t.addSuppressed(e);
            } catch (RuntimeException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
        return this;
    }

    @Override
    public CompletionStage<Void> store(Envelope envelope, MessageContent content) {
        MessageStore s = store;
        if (s == null) {
            return CompletableFuture.failedFuture(new IOException("spool is not started"));
        }
        return s.store(envelope, content);
    }

    @Override
    public Path folder(Folder folder) {
        return folders.get(folder);
    }

    @Override
    public int queueLength() {
        DeliveryScheduler s = scheduler;
        return s == null ? 0 : s.queueLength();
    }

    @Override
    public String newMessageId() {
        return ids.next();
    }

    public SpoolSettings settings() {
        return settings;
    }

    /** Live changes that need no restart. */
    public void apply(RetryPolicy retry, long minFreeDiskMb) {
        scheduler.policy(retry);
        writer.minFreeDiskMb(minFreeDiskMb);
    }

    public void transportArrived(String name) {
        DeliveryScheduler s = scheduler;
        if (s != null && name != null) {
            s.transportArrived(name);
        }
    }

    /** Stops taking pickup files, finishes stores in progress, lets deliveries end. */
    @Override
    public void close() throws InterruptedException {
        if (pickup != null) {
            pickup.close();
        }
        if (scheduler != null) {
            scheduler.close(); // before the store: running attempts still use its committer
        }
        if (store != null) {
            store.close(); // stores in flight complete; the next start recovers and delivers them
        }
        LOG.info("Spool at {} stopped", settings.root());
    }

    private static long usable(FileStore fs) {
        try {
            return fs.getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
