package org.mailroot.smtp.test;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Queues tasks until the test runs them, to observe the session while a hook is "running". */
public final class ManualExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable r) {
        tasks.add(r);
    }

    /** Runs the oldest task; false if none was queued. */
    public boolean runOne() {
        Runnable r;
        synchronized (this) {
            r = tasks.poll();
        }
        if (r == null) {
            return false;
        }
        r.run();
        return true;
    }

    public synchronized int pending() {
        return tasks.size();
    }
}
