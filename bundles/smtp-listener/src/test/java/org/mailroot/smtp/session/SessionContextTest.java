package org.mailroot.smtp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultEventLoop;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.SenderFilter;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.codec.SmtpInputDecoder;
import org.mailroot.smtp.command.CommandTable;
import org.mailroot.smtp.test.FakeServer;

/** Hook results of a worker come back to the event loop: session state changes only there. */
class SessionContextTest {
    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final FakeServer server = new FakeServer();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private SessionContext context() {
        SmtpSession session = new SmtpSession("default", "mx.example.org",
                new InetSocketAddress("192.0.2.10", 40000), new InetSocketAddress("198.51.100.1", 25));
        session.greeted("client.example.net", true);
        return new SessionContext(server, session, new SmtpInputDecoder(512),
                ByteBufAllocator.DEFAULT, loop);
    }

    @Test
    void mailContinuationOfABlockingSenderFilterRunsOnTheEventLoop() throws Exception {
        server.workers = pool;
        CountDownLatch release = new CountDownLatch(1);
        server.senderFilters.add(server.hook("blocking", 0, null, (SenderFilter) (s, a, p) -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Verdict.accept();
        }));
        SessionContext context = context();
        // the command starts on the event loop, as in a session
        CompletableFuture<Reply> reply = loop.submit(() -> {
            context.beginCommand();
            return CommandTable.STANDARD.lookup("MAIL", context.session().state())
                    .handle(context, "FROM:<a@sender.example>").toCompletableFuture();
        }).get(5, TimeUnit.SECONDS);
        // attached before completion: runs on the thread that ran MAIL's continuation
        CompletableFuture<Boolean> onLoop = reply.thenApply(r -> loop.inEventLoop());
        CompletableFuture<SessionState> state = reply.thenApply(r -> context.session().state());
        release.countDown();
        Reply r = reply.get(5, TimeUnit.SECONDS);
        assertEquals(250, r.code());
        assertEquals("2.1.0 Sender ok", r.text());
        assertTrue(onLoop.get(5, TimeUnit.SECONDS), "MAIL continuation ran on the event loop");
        assertEquals(SessionState.MAIL, state.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aTimedOutChainFallsBackOnTheEventLoop() throws Exception {
        server.workers = pool;
        server.settings = server.settings.withHookTimeoutSeconds(1);
        SessionContext context = context();
        CountDownLatch never = new CountDownLatch(1);
        CompletableFuture<Boolean> onLoop = context.runHooks("TEST", false, p -> {
            try {
                never.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        }, "fallback").thenApply(v -> v.equals("fallback") && loop.inEventLoop());
        assertTrue(onLoop.get(5, TimeUnit.SECONDS), "fallback delivered on the event loop");
        never.countDown();
    }

    @Test
    void inlineChainsStayOnTheCallingThread() throws Exception {
        SessionContext context = context();
        Thread caller = Thread.currentThread();
        CompletableFuture<Thread> t = context.runHooks("TEST", true, p -> "x", "fallback")
                .thenApply(v -> Thread.currentThread());
        assertTrue(t.isDone());
        assertEquals(caller, t.get());
    }
}
