package org.mailroot.spool.delivery;

import java.time.Instant;
import java.util.Map;

/** The text of the {@code .reason} file for a queued message that failed. */
final class BadMailReason {
    private BadMailReason() {
    }

    static String of(QueueEntry e, Instant now) {
        StringBuilder s = new StringBuilder();
        s.append("Message: ").append(e.id()).append('\n');
        s.append("Sender: ").append(e.file().envelope().sender()).append('\n');
        s.append("Received: ").append(e.file().envelope().received()).append('\n');
        s.append("Moved: ").append(now).append('\n');
        s.append("Attempts: ").append(e.attempts).append('\n');
        s.append("Reason: delivery failed permanently for the recipient(s) below\n");
        synchronized (e) {
            for (QueueEntry.KeyedRoute k : e.routes) {
                StatusLog.Outcome o = e.finished.get(k.key());
                if (o != null && !o.delivered()) {
                    s.append("Recipient: ").append(k.recipient().address().address())
                            .append(" via ").append(k.route().transport())
                            .append(" to ").append(k.route().recipient())
                            .append(" status ").append(o.status())
                            .append(" diagnostic: ").append(o.diagnostic().replaceAll("[\\r\\n]+", " "))
                            .append('\n');
                }
            }
            for (Map.Entry<String, StatusLog.Outcome> d : e.finished.entrySet()) {
                if (d.getValue().delivered()) {
                    s.append("Delivered: route ").append(d.getKey()).append('\n');
                }
            }
        }
        s.append("Note: no delivery status notification (RFC 3464 NDR) was sent to the sender;"
                + " NDRs are a later issue. The file keeps the queue envelope at its top.\n");
        return s.toString();
    }
}
