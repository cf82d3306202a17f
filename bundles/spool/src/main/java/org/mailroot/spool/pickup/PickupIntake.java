package org.mailroot.spool.pickup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.mailroot.api.Envelope;
import org.mailroot.api.MailAddress;
import org.mailroot.api.MessageContent;
import org.mailroot.api.Recipient;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.Resolution;
import org.mailroot.spool.badmail.BadMail;
import org.mailroot.spool.events.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one Pickup/ file into the queue: parse, route, prepend Received, store through the same
 * durable store() as SMTP, and only then delete the file. A crash in between delivers the file
 * twice rather than never (at-least-once). Malformed files go to BadMail/ with a reason.
 */
final class PickupIntake {
    private static final Logger LOG = LoggerFactory.getLogger(PickupIntake.class);
    private static final DateTimeFormatter RFC5322_DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    /** What became of a file. */
    enum Outcome { QUEUED, BADMAIL, RETRY_LATER }

    private final BiFunction<Envelope, MessageContent, CompletionStage<Void>> store;
    private final Supplier<String> ids;
    private final PickupRouter router;
    private final BadMail badMail;
    private final Events events;
    private final String serverName;
    private final long maxBytes;

    PickupIntake(BiFunction<Envelope, MessageContent, CompletionStage<Void>> store, Supplier<String> ids,
            PickupRouter router, BadMail badMail, Events events, String serverName, long maxBytes) {
        this.store = store;
        this.ids = ids;
        this.router = router;
        this.badMail = badMail;
        this.events = events;
        this.serverName = serverName;
        this.maxBytes = maxBytes;
    }

    CompletionStage<Outcome> take(Path file) {
        String id = ids.get();
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > maxBytes) {
                return bad(file, id, "larger than " + maxBytes + " octets");
            }
            PickupParser.Parsed p = PickupParser.parse(Files.readAllBytes(file));
            PickupSession session = new PickupSession(id, serverName);
            Envelope.Builder env = Envelope.builder().id(id).sender(p.sender()).received(Instant.now())
                    .listenerName(PickupSession.LISTENER).body(p.eightBit() ? Envelope.Body.EIGHT_BIT_MIME
                            : Envelope.Body.SEVEN_BIT).smtpUtf8(nonAscii(p.sender(), p.recipients()));
            List<String> refused = new ArrayList<>();
            for (MailAddress rcpt : p.recipients()) {
                Resolution r = router.route(session, rcpt);
                switch (r.verdict().kind()) {
                    case ACCEPT -> env.addRecipient(Recipient.of(rcpt, r.routes()));
                    case DEFER -> {
                        LOG.info("Pickup file {} deferred: recipient {} {}", name, rcpt, r.verdict());
                        return CompletableFuture.completedFuture(Outcome.RETRY_LATER);
                    }
                    default -> refused.add(rcpt + " " + describe(r.verdict()));
                }
            }
            Envelope envelope = env.build();
            if (envelope.recipients().isEmpty()) {
                return bad(file, id, "every recipient was refused: " + String.join("; ", refused));
            }
            refused.forEach(r -> LOG.warn("Pickup file {}: recipient refused and dropped: {}", name, r));
            byte[] content = withReceived(id, p.message());
            return store.apply(envelope, new BytesContent(content)).handle((v, e) -> {
                if (e != null) {
                    LOG.warn("Pickup file {} not queued, will retry: {}", name, e.toString());
                    return Outcome.RETRY_LATER;
                }
                try {
                    Files.deleteIfExists(file);
                } catch (IOException del) {
                    LOG.error("Queued {} as {} but could not delete it; it may be sent twice", name, id, del);
                }
                LOG.info("Pickup file {} queued as {} from {} to {} recipient(s)", name, id,
                        envelope.sender(), envelope.recipients().size());
                events.received(id, name, content.length);
                return Outcome.QUEUED;
            });
        } catch (PickupParser.MalformedException e) {
            return bad(file, id, e.getMessage());
        } catch (NoSuchFileException gone) {
            return CompletableFuture.completedFuture(Outcome.QUEUED); // taken by someone else
        } catch (IOException | RuntimeException e) {
            LOG.warn("Pickup file {} unreadable, will retry: {}", name, e.toString());
            return CompletableFuture.completedFuture(Outcome.RETRY_LATER);
        }
    }

    private CompletionStage<Outcome> bad(Path file, String id, String why) {
        try {
            badMail.moveIn(file, id, ".eml", "File: Pickup/" + file.getFileName() + "\nMessage: " + id
                    + "\nMoved: " + Instant.now() + "\nReason: malformed pickup file: " + why + "\n");
            events.pickupRejected(id, file.getFileName().toString(), why);
            return CompletableFuture.completedFuture(Outcome.BADMAIL);
        } catch (IOException e) {
            LOG.error("Could not move malformed pickup file {} to BadMail", file.getFileName(), e);
            return CompletableFuture.completedFuture(Outcome.RETRY_LATER);
        }
    }

    private byte[] withReceived(String id, byte[] message) {
        String received = "Received: by " + serverName + " (Mailroot) with local pickup id " + id + "; "
                + RFC5322_DATE.format(Instant.now().atZone(ZoneId.systemDefault())) + "\r\n";
        byte[] head = received.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + message.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(message, 0, all, head.length, message.length);
        return all;
    }

    private static boolean nonAscii(MailAddress sender, List<MailAddress> rcpts) {
        return !sender.address().chars().allMatch(c -> c < 0x80)
                || rcpts.stream().anyMatch(a -> !a.address().chars().allMatch(c -> c < 0x80));
    }

    private static String describe(Verdict v) {
        return v.kind() + v.code().map(c -> " " + c).orElse("") + v.enhancedStatus().map(s -> " " + s).orElse("")
                + v.text().map(t -> " " + t).orElse("");
    }
}
