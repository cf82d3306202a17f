package org.mailroot.spool.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mailroot.api.delivery.DeliveryStatus;
import org.mailroot.api.log.MailEvent;
import org.mailroot.spool.badmail.BadMail;
import org.mailroot.spool.events.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt and settles its outcome durably: finished routes go to the status log
 * (fsynced) before anything else happens; a message with nothing left to do is deleted, or moved
 * to BadMail/ when a route failed. Events are published only once the outcome is on disk.
 *
 * <p>Failed routes should produce an RFC 3464 NDR to the sender; that is a later issue, so for
 * now the message goes to BadMail/ with a reason file naming each failed recipient.
 */
final class AttemptRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptRunner.class);

    private final Transports transports;
    private final Supplier<RetryPolicy> policy;
    private final BadMail badMail;
    private final Events events;
    private final Supplier<CompletableFuture<Void>> dirSync;
    private final Clock clock;
    private final Consumer<QueueEntry> left;
    private final DeliveryScheduler.Retire retire;

    /** @param left told when a message has left the queue, before its events are published */
    AttemptRunner(Transports transports, Supplier<RetryPolicy> policy, BadMail badMail, Events events,
            Supplier<CompletableFuture<Void>> dirSync, Clock clock, Consumer<QueueEntry> left,
            DeliveryScheduler.Retire retire) {
        this.left = left;
        this.retire = retire;
        this.transports = transports;
        this.policy = policy;
        this.badMail = badMail;
        this.events = events;
        this.dirSync = dirSync;
        this.clock = clock;
    }

    /** @return when to try again, or null when the message has left the queue */
    Instant run(QueueEntry e) throws IOException {
        Path eml = e.file().path();
        boolean fresh;
        synchronized (e) {
            fresh = e.fresh;
        }
        if (!fresh && !Files.exists(eml)) {
            Files.deleteIfExists(e.statusFile());
            return null;
        }
        List<QueueEntry.KeyedRoute> pending = e.pending();
        int attempt;
        synchronized (e) {
            attempt = e.attempts + 1;
        }
        long t0 = System.nanoTime();
        List<DeliveryAttempt.Result> results = DeliveryAttempt.run(e, pending, attempt, transports);
        long elapsed = (System.nanoTime() - t0) / 1_000_000;
        Instant now = clock.instant();
        RetryPolicy p = policy.get();
        boolean expired = p.expired(e.file().envelope().received(), now);
        List<String> lines = new ArrayList<>(List.of("attempt " + attempt + " " + now));
        List<DeliveryAttempt.Result> settled = new ArrayList<>();
        for (DeliveryAttempt.Result r : results) {
            DeliveryStatus s = r.status();
            if (s.kind() == DeliveryStatus.Kind.TEMPORARY && expired) {
                s = DeliveryStatus.permanent(s.route(), "4.4.7", "expired after " + p.expire().toHours()
                        + " h in the queue; last error: " + s.enhancedStatus() + " " + s.diagnostic());
            }
            String kind = switch (s.kind()) {
                case DELIVERED -> "delivered";
                case PERMANENT -> "failed";
                case TEMPORARY -> "deferred";
            };
            lines.add(StatusLog.line(kind, r.route().key(), s.route().transport(),
                    s.route().recipient().address(), s.enhancedStatus(), s.diagnostic()));
            settled.add(new DeliveryAttempt.Result(r.route(), s));
        }
        boolean done = settled.stream().allMatch(r -> r.status().kind() != DeliveryStatus.Kind.TEMPORARY);
        boolean clean = done && !e.anyFailed()
                && settled.stream().allMatch(r -> r.status().kind() == DeliveryStatus.Kind.DELIVERED);
        if (clean) {
            // Removing the name is itself the record; no status line needed. It need not be
            // durable before we go on: undone by a crash, the message is delivered again and
            // the transport recognises it (delivery is at-least-once and idempotent locally).
            retire.accept(eml);
            if (!fresh) {
                // The status file may go only once the retire is on disk: a crash in between would
                // leave the message without its record of routes already delivered elsewhere.
                dirSync.get().join();
                Files.deleteIfExists(e.statusFile());
            }
        } else {
            record(e, lines, settled, attempt);
            if (done) {
                badMail.moveIn(eml, e.id(), ".eml", BadMailReason.of(e, clock.instant()));
                Files.deleteIfExists(e.statusFile());
            }
        }
        if (done) {
            left.accept(e);
        }
        publish(e, settled, elapsed);
        if (done) {
            return null;
        }
        Instant next = p.nextAttempt(attempt, e.file().envelope().received(), now);
        LOG.info("Message {} deferred after attempt {} ({} route(s) pending), next attempt at {}",
                e.id(), attempt, e.pending().size(), next);
        return next;
    }

    private void record(QueueEntry e, List<String> lines, List<DeliveryAttempt.Result> settled, int attempt)
            throws IOException {
        Path sts = e.statusFile();
        boolean created = !Files.exists(sts);
        StatusLog.append(sts, lines);
        if (created) {
            dirSync.get().join(); // a new file's name is durable only with its directory
        }
        synchronized (e) {
            e.fresh = false;
            e.attempts = attempt;
            for (DeliveryAttempt.Result r : settled) {
                DeliveryStatus s = r.status();
                if (s.kind() != DeliveryStatus.Kind.TEMPORARY) {
                    e.finished.put(r.route().key(), new StatusLog.Outcome(
                            s.kind() == DeliveryStatus.Kind.DELIVERED, s.enhancedStatus(), s.diagnostic()));
                }
            }
        }
    }

    private void publish(QueueEntry e, List<DeliveryAttempt.Result> settled, long elapsed) {
        for (DeliveryAttempt.Result r : settled) {
            DeliveryStatus s = r.status();
            MailEvent.Type type = switch (s.kind()) {
                case DELIVERED -> MailEvent.Type.DELIVERED;
                case PERMANENT -> MailEvent.Type.FAILED;
                case TEMPORARY -> MailEvent.Type.DEFERRED;
            };
            if (type != MailEvent.Type.DELIVERED) {
                LOG.info("Message {} to {} via {}: {} {} {}", e.id(), s.route().recipient(),
                        s.route().transport(), type, s.enhancedStatus(), s.diagnostic());
            }
            events.delivery(type, e.id(), s.route().transport(), s.route().recipient().address(),
                    s.enhancedStatus(), s.diagnostic(), e.file().messageSize(), elapsed);
        }
    }
}
