package org.mailroot.admin.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The counters in the Prometheus text format (version 0.0.4), through the Prometheus Java client's
 * callback metrics: values are read from {@link TrafficCounters} at scrape time, never copied.
 * A registry of our own, not the static default one, so a bundle restart registers afresh.
 */
public final class PrometheusExport {
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private final PrometheusRegistry registry = new PrometheusRegistry();

    public PrometheusExport(TrafficCounters counters, IntSupplier queueLength, LongSupplier eventsDropped) {
        gauge("mailroot_connections_current", "Open SMTP connections (IIS Inbound Connections Current)",
                counters, ListenerCounters::connectionsCurrent);
        counter("mailroot_connections", "SMTP connections accepted (IIS Inbound Connections Total)",
                counters, ListenerCounters::connectionsTotal);
        counter("mailroot_messages_received", "Messages received and queued (IIS Messages Received Total)",
                counters, ListenerCounters::messagesReceived);
        counter("mailroot_received_bytes", "Bytes read on closed SMTP connections, commands included (IIS Bytes Received Total)",
                counters, ListenerCounters::bytesReceived);
        CounterWithCallback.builder().name("mailroot_deliveries")
                .help("Delivery outcomes per recipient: delivered (IIS Messages Delivered Total), deferred "
                        + "(IIS Message Delivery Retries), failed (permanent)")
                .labelNames("listener", "result")
                .callback(cb -> counters.all().forEach((name, c) -> {
                    cb.call(c.delivered(), name, "delivered");
                    cb.call(c.deferred(), name, "deferred");
                    cb.call(c.failed(), name, "failed");
                })).register(registry);
        GaugeWithCallback.builder().name("mailroot_queue_length")
                .help("Messages in Queue/ not yet fully delivered (IIS Local Queue Length); -1 without a spool")
                .callback(cb -> cb.call(queueLength.getAsInt())).register(registry);
        CounterWithCallback.builder().name("mailroot_events_dropped")
                .help("Events the fan-out dropped because its queue was full (the counters above miss them)")
                .callback(cb -> cb.call(eventsDropped.getAsLong())).register(registry);
    }

    private void gauge(String name, String help, TrafficCounters counters, ToLongFunction<ListenerCounters> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("listener")
                .callback(cb -> counters.all().forEach((n, c) -> cb.call(value.applyAsLong(c), n)))
                .register(registry);
    }

    private void counter(String name, String help, TrafficCounters counters, ToLongFunction<ListenerCounters> value) {
        CounterWithCallback.builder().name(name).help(help).labelNames("listener")
                .callback(cb -> counters.all().forEach((n, c) -> cb.call(value.applyAsLong(c), n)))
                .register(registry);
    }

    /** One scrape in the text format. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
