package org.mailroot.smtp;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads of one virtual server for hooks and other blocking work. Bounded: when all
 * are busy a new task is refused and the step defers (451 4.3.0) instead of queueing without end.
 */
final class WorkerPool {
    private static final int MAX_THREADS = 256;

    private WorkerPool() {
    }

    static ExecutorService create(String listenerName) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new Thread(r, "mailroot-hooks-" + listenerName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), f);
    }
}
