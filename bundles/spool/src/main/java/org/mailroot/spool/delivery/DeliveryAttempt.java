package org.mailroot.spool.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;
import org.mailroot.api.Route;
import org.mailroot.api.delivery.Delivery;
import org.mailroot.api.delivery.DeliveryStatus;
import org.mailroot.api.delivery.DeliveryTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at the pending routes of one message: routes grouped by transport, one call per
 * transport. Whatever goes wrong around a transport (absent, throws, forgets a route) becomes a
 * temporary failure (4.3.0), so a broken plugin can delay mail but never lose or bounce it.
 */
final class DeliveryAttempt {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempt.class);

    /** The status of one keyed route after this attempt. */
    record Result(QueueEntry.KeyedRoute route, DeliveryStatus status) {
    }

    private record Call(Envelope envelope, List<Route> routes, MessageContent content, int attempt)
            implements Delivery {
    }

    private DeliveryAttempt() {
    }

    static List<Result> run(QueueEntry entry, List<QueueEntry.KeyedRoute> pending, int attempt,
            Transports transports) {
        Map<String, List<QueueEntry.KeyedRoute>> byTransport = new LinkedHashMap<>();
        pending.forEach(k -> byTransport.computeIfAbsent(k.route().transport(), t -> new ArrayList<>()).add(k));
        List<Result> results = new ArrayList<>();
        byTransport.forEach((name, group) -> results.addAll(deliver(entry, name, group, attempt, transports)));
        return results;
    }

    private static List<Result> deliver(QueueEntry entry, String name, List<QueueEntry.KeyedRoute> group,
            int attempt, Transports transports) {
        DeliveryTransport transport = transports.get(name);
        if (transport == null) {
            return allTemporary(group, "no transport named " + name + " is registered");
        }
        List<Route> routes = group.stream().map(QueueEntry.KeyedRoute::route).toList();
        List<DeliveryStatus> statuses;
        try {
            statuses = transport.deliver(new Call(entry.file().envelope(), routes, entry.file().content(), attempt));
        } catch (Exception | LinkageError e) {
            // LinkageError: the transport's bundle was stopped under us.
            LOG.warn("Transport {} failed on message {}: {}", name, entry.id(), e.toString());
            return allTemporary(group, "transport " + name + " failed: " + e);
        }
        List<DeliveryStatus> left = new ArrayList<>(statuses == null ? List.of() : statuses);
        List<Result> results = new ArrayList<>();
        for (QueueEntry.KeyedRoute k : group) {
            DeliveryStatus s = take(left, k.route());
            results.add(new Result(k, s != null ? s
                    : DeliveryStatus.temporary(k.route(), "4.3.0", "transport " + name + " gave no status")));
        }
        return results;
    }

    /** Matches statuses to routes by equality, each status used once (equal routes may repeat). */
    private static DeliveryStatus take(List<DeliveryStatus> left, Route route) {
        for (int i = 0; i < left.size(); i++) {
            if (left.get(i) != null && route.equals(left.get(i).route())) {
                return left.remove(i);
            }
        }
        return null;
    }

    private static List<Result> allTemporary(List<QueueEntry.KeyedRoute> group, String why) {
        return group.stream()
                .map(k -> new Result(k, DeliveryStatus.temporary(k.route(), "4.3.0", why)))
                .toList();
    }
}
