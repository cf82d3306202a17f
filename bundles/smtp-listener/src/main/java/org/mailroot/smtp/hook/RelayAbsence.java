package org.mailroot.smtp.hook;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mailroot.api.MailAddress;
import org.mailroot.api.SessionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs that a required relay policy is absent: WARN at most once a minute (a bundle update takes
 * seconds, a misconfiguration would otherwise log every recipient), DEBUG for each recipient.
 */
final class RelayAbsence {
    private static final Logger LOG = LoggerFactory.getLogger(RelayAbsence.class);
    private static final long EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final AtomicLong LAST = new AtomicLong(System.nanoTime() - EVERY_NANOS);

    private RelayAbsence() {
    }

    static void log(SessionInfo session, MailAddress recipient) {
        long now = System.nanoTime();
        long last = LAST.get();
        if (now - last >= EVERY_NANOS && LAST.compareAndSet(last, now)) {
            LOG.warn("[{}] requireRelayPolicy=true on '{}' but no relay policy is bound (is the relay bundle"
                    + " stopped or without configuration?): non-local recipients get 451 4.3.0",
                    session.id(), session.listenerName());
        }
        LOG.debug("[{}] RCPT {}: relay control absent, deferring", session.id(), recipient);
    }
}
