package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailroot.api.Route;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.ConnectionFilter;
import org.mailroot.api.hook.MessageFilter;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.hook.Resolution;
import org.mailroot.api.hook.SenderFilter;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.ManualExecutor;
import org.mailroot.smtp.test.SmtpClient;

/**
 * Which chains stay on the event loop: empty ones and those made only of {@code @NonBlocking}
 * hooks; a chain with one blocking hook runs whole on a worker, in order.
 */
class InlineHooksTest {
    private final FakeServer server = new FakeServer();
    private final AtomicInteger workerTasks = new AtomicInteger();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    InlineHooksTest() {
        server.workers = r -> {
            workerTasks.incrementAndGet();
            r.run();
        };
    }

    private RecipientResolver local(String name) {
        return (s, r) -> {
            calls.add(name + "@" + Thread.currentThread().getName());
            return r.domain().equals("example.org") ? Resolution.accept(Route.local(r)) : Resolution.decline();
        };
    }

    private List<String> message(SmtpClient c) {
        c.commands("EHLO client", "MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>", "DATA");
        c.send("Subject: x\r\n\r\nhi\r\n.\r\n");
        return c.replies();
    }

    @Test
    void emptyChainsNeverUseTheWorkerPool() {
        SmtpClient c = new SmtpClient(server);
        c.commands("EHLO client", "MAIL FROM:<a@sender.example>", "RCPT TO:<x@elsewhere.example>");
        List<String> r = c.replies();
        assertEquals("220 mx.example.org ESMTP Mailroot ready", r.get(0));
        assertEquals("550 5.7.1 Relaying denied", r.get(r.size() - 1));
        assertEquals(0, workerTasks.get(), "connect, MAIL and RCPT decided inline");
    }

    @Test
    void nonBlockingHooksRunInlineOnTheCallersThreadAndTheMessageIsStored() {
        server.resolvers.add(server.nonBlockingHook("local", -100, local("local")));
        server.connectionFilters.add(server.nonBlockingHook("cf", 0, (ConnectionFilter) s -> Verdict.decline()));
        server.senderFilters.add(server.nonBlockingHook("sf", 0, (SenderFilter) (s, a, p) -> Verdict.decline()));
        server.messageFilters.add(server.nonBlockingHook("mf", 0,
                (MessageFilter) (s, e, m, h) -> Verdict.decline()));
        List<String> r = message(new SmtpClient(server));
        assertEquals("250 2.0.0 Ok: queued as M1", r.get(r.size() - 1));
        assertEquals(0, workerTasks.get());
        assertEquals(List.of("local@" + Thread.currentThread().getName()), calls,
                "EmbeddedChannel's event loop is the test thread");
        assertEquals(1, server.fakeSpool().stored.size());
    }

    @Test
    void aNonBlockingHookThatThrowsStillDefers() {
        server.resolvers.add(server.nonBlockingHook("broken", 0, (RecipientResolver) (s, r) -> {
            throw new IllegalStateException("boom");
        }));
        server.senderFilters.add(server.nonBlockingHook("null", 0, (SenderFilter) (s, a, p) -> null));
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>");
        assertEquals(List.of("451 4.3.0 Temporary local problem, try again later"), c.replies());
        server.senderFilters.clear();
        c.commands("MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>");
        assertEquals(List.of("250 2.1.0 Sender ok", "451 4.3.0 Temporary local problem, try again later"),
                c.replies());
        assertEquals(0, workerTasks.get());
    }

    @Test
    void oneBlockingHookSendsTheWholeChainToAWorkerInOrder() {
        ManualExecutor workers = new ManualExecutor();
        server.workers = workers;
        RecipientResolver declining = (s, r) -> {
            calls.add("fast");
            return Resolution.decline();
        };
        server.resolvers.add(server.nonBlockingHook("fast", 10, declining));
        server.resolvers.add(server.hook("slow", 0, null, local("slow")));
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>");
        assertEquals(List.of("250 2.1.0 Sender ok"), c.replies());
        assertEquals(List.of(), calls, "not even the non-blocking hook ran on the event loop");
        assertEquals(1, workers.pending());
        assertTrue(workers.runOne());
        assertEquals(List.of("250 2.1.5 Recipient ok"), c.replies());
        assertEquals(2, calls.size());
        assertEquals("fast", calls.get(0));
    }

    @Test
    void reverseLookupOffByDefaultPerformsNoLookup() {
        List<Optional<String>> seen = new CopyOnWriteArrayList<>();
        server.connectionFilters.add(server.nonBlockingHook("cf", 0, (ConnectionFilter) s -> {
            seen.add(s.reverseName());
            return Verdict.decline();
        }));
        assertFalse(server.settings.reverseLookup());
        SmtpClient.ready(server);
        assertEquals(0, server.reverseLookups.get());
        assertEquals(List.of(Optional.empty()), seen);
        assertEquals(0, workerTasks.get());

        server.settings = server.settings.withReverseLookup(true);
        SmtpClient.ready(server);
        assertEquals(1, server.reverseLookups.get());
        assertEquals(Optional.of("client.example.net"), seen.get(1));
        assertEquals(1, workerTasks.get(), "the lookup blocks: on a worker");
    }
}
