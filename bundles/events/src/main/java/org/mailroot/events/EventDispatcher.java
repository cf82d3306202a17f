package org.mailroot.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.mailroot.api.log.EventPublisher;
import org.mailroot.api.log.LogSink;
import org.mailroot.api.log.MailEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EventPublisher}: producers (often Netty event loops) only offer to a bounded queue,
 * and one daemon thread, which drains it in batches and parks when idle (so a publish never
 * wakes a thread), hands each event to every {@link LogSink}. A full queue drops and counts
 * rather than slowing SMTP down. A configuration change re-activates the component (draining the
 * old queue first), since a queue cannot be resized in place.
 */
@Component(service = EventPublisher.class, configurationPid = EventDispatcher.PID)
@Designate(ocd = EventDispatcher.Config.class)
public class EventDispatcher implements EventPublisher {
    static final String PID = "org.mailroot.events";
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final long DROP_REPORT_NANOS = TimeUnit.MINUTES.toNanos(1);

    @ObjectClassDefinition(name = "Mailroot events", description = "Fan-out of protocol and delivery events to log sinks")
    public @interface Config {
        @AttributeDefinition(name = "Queue size", description = "Events held for the sinks; when full, new events are dropped and counted", min = "1")
        int queueSize() default 10_000;

        @AttributeDefinition(name = "Drain seconds", description = "How long a stop waits for queued events to reach the sinks", min = "0")
        int drainSeconds() default 5;
    }

    private volatile List<SinkHandle> sinks = List.of();
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong lastDropReport = new AtomicLong(System.nanoTime() - DROP_REPORT_NANOS);
    private volatile EventWorker worker;
    private Duration drain = Duration.ofSeconds(5);

    @Activate
    void activate(Config config) {
        int size = config.queueSize();
        if (size < 1) {
            // Design §4: name the file's key and range; fall back to the default rather than fail.
            LOG.error("{}: queueSize={} must be at least 1; using 10000", PID, size);
            size = 10_000;
        }
        drain = Duration.ofSeconds(Math.max(0, config.drainSeconds()));
        start(size);
        LOG.info("Event publisher started: queueSize={}, drainSeconds={}", size, drain.toSeconds());
    }

    @Deactivate
    void deactivate() {
        stop(drain);
    }

    void start(int queueSize) {
        worker = new EventWorker(queueSize, () -> sinks);
        worker.start();
    }

    /** Stops accepting events and waits up to {@code timeout} for the queue to drain. */
    void stop(Duration timeout) {
        EventWorker w = worker;
        if (w != null) {
            long left = w.stop(timeout);
            if (left > 0) {
                dropped.add(left);
                LOG.warn("Event publisher stopped with {} event(s) not delivered to the sinks", left);
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeSink")
    synchronized void addSink(LogSink sink, Map<String, Object> properties) {
        // Copy-on-write: the dispatcher thread reads a stable snapshot without locking.
        List<SinkHandle> next = new ArrayList<>(sinks);
        next.add(new SinkHandle(sink, nameOf(sink, properties)));
        sinks = List.copyOf(next);
    }

    synchronized void removeSink(LogSink sink) {
        List<SinkHandle> next = new ArrayList<>(sinks);
        next.removeIf(h -> h.sink() == sink);
        sinks = List.copyOf(next);
    }

    @Override
    public void publish(MailEvent event) {
        EventWorker w = worker;
        if (event == null) {
            return; // a producer bug must not break an SMTP session
        }
        if (w == null || !w.offer(event)) {
            dropped.increment();
            reportDrops();
        }
    }

    @Override
    public long dropped() {
        return dropped.sum();
    }

    /** Warns about a full queue at most once a minute, from whichever producer sees it first. */
    private void reportDrops() {
        long now = System.nanoTime();
        long last = lastDropReport.get();
        if (now - last >= DROP_REPORT_NANOS && lastDropReport.compareAndSet(last, now)) {
            LOG.warn("Event queue full or stopped: {} event(s) dropped since start", dropped.sum());
        }
    }

    private static String nameOf(LogSink sink, Map<String, Object> properties) {
        Object name = properties.get("component.name");
        return name != null ? name.toString() : sink.getClass().getName();
    }
}
