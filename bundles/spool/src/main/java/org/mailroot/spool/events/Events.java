package org.mailroot.spool.events;

import java.time.Instant;
import java.util.function.Supplier;
import org.mailroot.api.log.EventPublisher;
import org.mailroot.api.log.MailEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the spool's events through the optional EventPublisher. The publisher itself never
 * blocks; a missing or failing publisher must not disturb mail flow, so both are swallowed here.
 */
public final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final Supplier<EventPublisher> publisher;

    public Events(Supplier<EventPublisher> publisher) {
        this.publisher = publisher;
    }

    /** A message taken from Pickup/ ({@code argument} is the file name). */
    public void received(String messageId, String fileName, long bytes) {
        publish(new MailEvent(Instant.now(), MailEvent.Type.RECEIVED, "", "pickup", "127.0.0.1", "",
                messageId, "PICKUP", fileName, 250, "2.0.0 queued as " + messageId, bytes, 0, 0));
    }

    /** A Pickup/ file moved to BadMail/ as malformed. */
    public void pickupRejected(String messageId, String fileName, String reason) {
        publish(new MailEvent(Instant.now(), MailEvent.Type.FAILED, "", "pickup", "127.0.0.1", "",
                messageId, "PICKUP", fileName, 554, "5.6.0 " + reason, 0, 0, 0));
    }

    /** One route's outcome; the reply code is derived from the RFC 3463 status class. */
    public void delivery(MailEvent.Type type, String messageId, String transport, String recipient,
            String status, String diagnostic, long bytes, long elapsedMillis) {
        int code = status.startsWith("2") ? 250 : status.startsWith("5") ? 550 : 451;
        publish(new MailEvent(Instant.now(), type, "", "delivery", "", "", messageId, transport,
                recipient, code, status + " " + diagnostic, 0, type == MailEvent.Type.DELIVERED ? bytes : 0,
                elapsedMillis));
    }

    private void publish(MailEvent event) {
        EventPublisher p = publisher.get();
        if (p == null) {
            return;
        }
        try {
            p.publish(event);
        } catch (RuntimeException e) {
            LOG.debug("Event publisher failed for {}: {}", event.type(), e.toString());
        }
    }
}
