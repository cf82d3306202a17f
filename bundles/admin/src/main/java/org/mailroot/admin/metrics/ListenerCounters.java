package org.mailroot.admin.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one virtual server (or of "pickup"), fed by the event fan-out. */
public final class ListenerCounters {
    final AtomicLong connectionsCurrent = new AtomicLong();
    final LongAdder connectionsTotal = new LongAdder();
    final LongAdder messagesReceived = new LongAdder();
    final LongAdder bytesReceived = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder deferred = new LongAdder();
    final LongAdder failed = new LongAdder();

    public long connectionsCurrent() {
        return connectionsCurrent.get();
    }

    public long connectionsTotal() {
        return connectionsTotal.sum();
    }

    public long messagesReceived() {
        return messagesReceived.sum();
    }

    /** Bytes read on closed SMTP connections, commands included (IIS Bytes Received Total); Pickup file sizes. */
    public long bytesReceived() {
        return bytesReceived.sum();
    }

    /** Recipients delivered (one message to three local mailboxes counts three, as IIS counted). */
    public long delivered() {
        return delivered.sum();
    }

    /** Delivery attempts that failed temporarily (retries), IIS "Message Delivery Retries". */
    public long deferred() {
        return deferred.sum();
    }

    /** Recipients failed permanently (or Pickup files rejected to BadMail). */
    public long failed() {
        return failed.sum();
    }

    void disconnected() {
        connectionsCurrent.updateAndGet(n -> n > 0 ? n - 1 : 0); // counters start after connections did
    }
}
