package org.mailroot.events;

import java.util.concurrent.TimeUnit;
import org.mailroot.api.log.LogSink;
import org.mailroot.api.log.MailEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound {@link LogSink} with its component name, called defensively: a sink that throws
 * (or whose bundle went away under it, a {@link LinkageError}) loses that one event and is
 * reported at most once a minute, so a broken sink cannot flood the server log.
 */
final class SinkHandle {
    private static final Logger LOG = LoggerFactory.getLogger(SinkHandle.class);
    private static final long REPORT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final LogSink sink;
    private final String name;
    // Only the dispatcher thread touches these, so they need no synchronisation.
    private long failuresSinceReport;
    private long lastReport;
    private boolean reported;

    SinkHandle(LogSink sink, String name) {
        this.sink = sink;
        this.name = name;
    }

    LogSink sink() {
        return sink;
    }

    String name() {
        return name;
    }

    void deliver(MailEvent event) {
        try {
            sink.log(event);
        } catch (Exception | LinkageError e) {
            failed(e);
        }
    }

    private void failed(Throwable t) {
        failuresSinceReport++;
        long now = System.nanoTime();
        if (!reported || now - lastReport >= REPORT_INTERVAL_NANOS) {
            LOG.warn("Log sink {} failed ({} event(s) skipped since the last report)",
                    name, failuresSinceReport, t);
            reported = true;
            lastReport = now;
            failuresSinceReport = 0;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
