package org.mailroot.admin.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailroot.api.log.MailEvent;
import org.mailroot.api.log.MailEvent.Type;

class TrafficCountersTest {
    private final TrafficCounters counters = new TrafficCounters();

    private void event(Type type, String listener, String messageId, long bytesIn) {
        counters.log(new MailEvent(Instant.now(), type, "s1", listener, "192.0.2.1", "", messageId, "", "", 250, "",
                bytesIn, 0, 0));
    }

    @Test
    void deliveriesCountUnderTheVirtualServerThatReceivedTheMessage() {
        event(Type.CONNECT, "mx", "", 0);
        event(Type.CONNECT, "submission", "", 0);
        event(Type.RECEIVED, "mx", "q1", 0);
        event(Type.RECEIVED, "submission", "q2", 0);
        event(Type.DISCONNECT, "mx", "", 1234);
        event(Type.DELIVERED, "delivery", "q1", 0);
        event(Type.DELIVERED, "delivery", "q1", 0); // a second recipient
        event(Type.DEFERRED, "delivery", "q2", 0);
        event(Type.FAILED, "delivery", "q-before-restart", 0);
        ListenerCounters mx = counters.of("mx");
        assertEquals(0, mx.connectionsCurrent());
        assertEquals(1, mx.connectionsTotal());
        assertEquals(1, mx.messagesReceived());
        assertEquals(1234, mx.bytesReceived(), "the session's bytes, at disconnect");
        assertEquals(2, mx.delivered());
        assertEquals(1, counters.of("submission").connectionsCurrent());
        assertEquals(1, counters.of("submission").deferred());
        assertEquals(1, counters.of(TrafficCounters.UNKNOWN).failed());
    }

    @Test
    void pickupCountsItsFilesAndNewNamesAreAnnounced() {
        List<String> announced = new ArrayList<>();
        counters.onNewListener(announced::add);
        event(Type.RECEIVED, "pickup", "p1", 300);
        event(Type.DELIVERED, "delivery", "p1", 0);
        event(Type.DISCONNECT, "mx", "", 10); // a disconnect seen without its connect never goes below zero
        assertEquals(300, counters.of("pickup").bytesReceived());
        assertEquals(1, counters.of("pickup").delivered());
        assertEquals(0, counters.of("mx").connectionsCurrent());
        assertEquals(List.of("pickup", "mx"), announced);
        assertTrue(counters.all().keySet().containsAll(List.of("mx", "pickup")));
    }
}
