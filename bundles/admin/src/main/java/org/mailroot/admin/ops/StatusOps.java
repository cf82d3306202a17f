package org.mailroot.admin.ops;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.function.IntSupplier;
import org.mailroot.admin.http.Json;
import org.mailroot.admin.metrics.ListenerCounters;
import org.mailroot.admin.metrics.TrafficCounters;

/** bin/mailroot status: per virtual server its state and counters, then the other counted sources and the queue. */
public final class StatusOps {
    private final ServerOps servers;
    private final TrafficCounters counters;
    private final IntSupplier queueLength;

    public StatusOps(ServerOps servers, TrafficCounters counters, IntSupplier queueLength) {
        this.servers = servers;
        this.counters = counters;
        this.queueLength = queueLength;
    }

    public JsonObject status() throws Exception {
        JsonArrayBuilder rows = Json.array();
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (ServerOps.Server s : servers.servers()) {
            rows.add(row(s.name(), s.state(), counters.of(s.name())));
            shown.add(s.name());
        }
        for (Map.Entry<String, ListenerCounters> e : counters.all().entrySet()) {
            if (!shown.contains(e.getKey())) {
                rows.add(row(e.getKey(), "-", e.getValue()));
            }
        }
        return Json.object().add("servers", rows).add("queueLength", queueLength.getAsInt()).build();
    }

    private static JsonObjectBuilder row(String name, String state, ListenerCounters c) {
        return Json.object().add("name", name).add("state", state)
                .add("connections", c.connectionsCurrent()).add("connectionsTotal", c.connectionsTotal())
                .add("received", c.messagesReceived()).add("bytesReceived", c.bytesReceived())
                .add("delivered", c.delivered()).add("deferred", c.deferred()).add("failed", c.failed());
    }
}
