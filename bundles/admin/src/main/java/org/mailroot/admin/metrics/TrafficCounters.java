package org.mailroot.admin.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.mailroot.api.log.LogSink;
import org.mailroot.api.log.MailEvent;
import org.osgi.service.component.annotations.Component;

/**
 * Counts per virtual server from the event fan-out (CONNECT, DISCONNECT, RECEIVED, DELIVERED,
 * DEFERRED, FAILED). Delivery events name no listener ("delivery"), so the listener that received
 * a message is remembered by queue id (bounded: the oldest ids are forgotten, and deliveries of
 * messages received before a restart count under "unknown"). Counts start at zero with the bundle.
 */
@Component(service = {LogSink.class, TrafficCounters.class})
public final class TrafficCounters implements LogSink {
    static final int REMEMBERED_IDS = 100_000;
    public static final String UNKNOWN = "unknown";

    private final Map<String, ListenerCounters> byListener = new ConcurrentHashMap<>();
    private final Map<String, String> origin = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });
    private volatile Consumer<String> onNewListener = name -> { };

    @Override
    public void log(MailEvent e) {
        if ("pickup".equals(e.listenerName()) && e.type() == MailEvent.Type.RECEIVED) {
            of("pickup").bytesReceived.add(e.bytesIn()); // a Pickup/ file: its size
        }
        switch (e.type()) {
            case CONNECT -> {
                ListenerCounters c = of(e.listenerName());
                c.connectionsCurrent.incrementAndGet();
                c.connectionsTotal.increment();
            }
            case DISCONNECT -> {
                // the session's bytes, commands included, as IIS counted them; known at the end
                ListenerCounters c = of(e.listenerName());
                c.disconnected();
                c.bytesReceived.add(e.bytesIn());
            }
            case RECEIVED -> {
                ListenerCounters c = of(e.listenerName());
                c.messagesReceived.increment();
                if (!e.messageId().isEmpty()) {
                    origin.put(e.messageId(), e.listenerName());
                }
            }
            case DELIVERED -> of(originOf(e)).delivered.increment();
            case DEFERRED -> of(originOf(e)).deferred.increment();
            case FAILED -> of(originOf(e)).failed.increment();
            default -> { }
        }
    }

    private String originOf(MailEvent e) {
        if ("pickup".equals(e.listenerName())) {
            return "pickup";
        }
        String name = origin.get(e.messageId());
        return name == null ? UNKNOWN : name;
    }

    /** The counters of a name, created at zero on first use (JMX registers it then). */
    public ListenerCounters of(String listener) {
        String name = listener == null || listener.isEmpty() ? UNKNOWN : listener;
        ListenerCounters c = byListener.get(name);
        if (c == null) {
            ListenerCounters created = new ListenerCounters();
            c = byListener.putIfAbsent(name, created);
            if (c == null) {
                c = created;
                onNewListener.accept(name);
            }
        }
        return c;
    }

    /** Every name counted so far, sorted. */
    public SortedMap<String, ListenerCounters> all() {
        return new TreeMap<>(byListener);
    }

    /** Called once per new name (the JMX export registers an MBean). */
    public void onNewListener(Consumer<String> callback) {
        this.onNewListener = callback;
        byListener.keySet().forEach(callback);
    }
}
