package org.mailroot.spool.delivery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.mailroot.api.Recipient;
import org.mailroot.api.Route;
import org.mailroot.spool.queue.QueueFile;

/**
 * The scheduler's view of one queued message: its file, the attempts made and the routes that
 * are finished. Guarded by the entry's monitor; only one attempt runs at a time.
 */
final class QueueEntry {
    /** A route with its stable key {@code recipientIndex.routeIndex}. */
    record KeyedRoute(String key, Recipient recipient, Route route) {
    }

    /** Loses its held bytes after the first attempt (see {@link #dropHeld()}). */
    volatile QueueFile file;
    final List<KeyedRoute> routes;
    final Map<String, StatusLog.Outcome> finished;
    int attempts;
    /**
     * Stored by this spool run and no outcome recorded yet: the queue file exists (only this
     * scheduler removes it) and there is no status file, so neither needs a syscall to check.
     */
    boolean fresh;
    boolean running;
    boolean rerun;
    Future<?> timer;

    QueueEntry(QueueFile file, StatusLog.State state) {
        this.file = file;
        this.attempts = state.attempts();
        this.finished = new HashMap<>(state.finished());
        List<KeyedRoute> all = new ArrayList<>();
        List<Recipient> rcpts = file.envelope().recipients();
        for (int r = 0; r < rcpts.size(); r++) {
            List<Route> rs = rcpts.get(r).routes();
            for (int n = 0; n < rs.size(); n++) {
                all.add(new KeyedRoute(r + "." + n, rcpts.get(r), rs.get(n)));
            }
        }
        this.routes = List.copyOf(all);
    }

    QueueFile file() {
        return file;
    }

    /** After an attempt: later attempts read the queue file, memory goes back to the writer. */
    void dropHeld() {
        file = file.withoutHeld();
    }

    String id() {
        return file.envelope().id();
    }

    Path statusFile() {
        return file.path().resolveSibling(id() + StatusLog.SUFFIX);
    }

    synchronized List<KeyedRoute> pending() {
        return routes.stream().filter(k -> !finished.containsKey(k.key())).toList();
    }

    synchronized boolean anyFailed() {
        return finished.values().stream().anyMatch(o -> !o.delivered());
    }
}
