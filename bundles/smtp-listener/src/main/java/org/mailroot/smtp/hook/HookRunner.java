package org.mailroot.smtp.hook;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.mailroot.smtp.session.SmtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one step's hook chain either on a worker thread, with the session id in the MDC and a
 * time limit, or - when every hook of the chain is {@code @NonBlocking} (or there is none) -
 * inline on the caller's thread (the event loop, whose MDC the session driver has already set):
 * no thread switch, no timeout (such hooks answer from memory). Either way a chain that throws,
 * times out, or cannot be started yields the step's fallback (a defer, design §3), logged with
 * the name of the hook that was running.
 */
public final class HookRunner {
    private static final Logger LOG = LoggerFactory.getLogger(HookRunner.class);

    private HookRunner() {
    }

    /** Records which hook is running, so a timeout can name it. */
    public static final class Progress {
        private final AtomicReference<String> current = new AtomicReference<>("(none)");

        public void calling(String hookName) {
            current.set(hookName);
        }

        String current() {
            return current.get();
        }
    }

    /** Runs the chain now on this thread; an escaping exception gives {@code fallback}. */
    public static <T> CompletableFuture<T> inline(SmtpSession session, String step,
            Function<Progress, T> chain, T fallback) {
        Progress progress = new Progress();
        try {
            return CompletableFuture.completedFuture(chain.apply(progress));
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("[{}] {}: hook {} failed, deferring: {}", session.id(), step,
                    progress.current(), e.toString());
            return CompletableFuture.completedFuture(fallback);
        }
    }

    public static <T> CompletableFuture<T> run(Executor workers, SmtpSession session, String step,
            long timeoutSeconds, Function<Progress, T> chain, T fallback) {
        Progress progress = new Progress();
        CompletableFuture<T> result;
        try {
            result = CompletableFuture.supplyAsync(() -> {
                MDC.put("session", session.id());
                try {
                    return chain.apply(progress);
                } finally {
                    MDC.remove("session");
                }
            }, workers);
        } catch (RejectedExecutionException e) {
            LOG.warn("[{}] {}: no worker thread available, deferring", session.id(), step);
            return CompletableFuture.completedFuture(fallback);
        }
        return result.orTimeout(Math.max(1, timeoutSeconds), TimeUnit.SECONDS)
                .exceptionally(e -> {
                    LOG.warn("[{}] {}: hook {} failed or timed out after {} s, deferring: {}",
                            session.id(), step, progress.current(), timeoutSeconds, e.toString());
                    return fallback;
                });
    }
}
