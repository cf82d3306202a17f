package org.mailroot.api.log;

import org.osgi.annotation.versioning.ProviderType;

/** Where producers send events; see the package documentation. */
@ProviderType
public interface EventPublisher {
    /** Queues the event for every sink; never blocks, drops (and counts) when full. */
    void publish(MailEvent event);

    /** Events dropped because the queue was full, since start. */
    long dropped();
}
