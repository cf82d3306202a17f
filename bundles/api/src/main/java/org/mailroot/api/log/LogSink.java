package org.mailroot.api.log;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives every event, on the publisher's thread (never a network thread). A sink that throws
 * is logged and skipped for that event; it does not affect other sinks or mail flow.
 */
@ConsumerType
public interface LogSink {
    void log(MailEvent event);
}
