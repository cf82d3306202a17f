package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mailroot.api.Route;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.ConnectionFilter;
import org.mailroot.api.hook.MessageFilter;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.hook.RelayPolicy;
import org.mailroot.api.hook.Resolution;
import org.mailroot.api.hook.SenderFilter;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.SmtpClient;

class HooksTest {
    private final FakeServer server = new FakeServer();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    private RecipientResolver declining(String name) {
        return (s, r) -> {
            calls.add(name);
            return Resolution.decline();
        };
    }

    private SmtpClient mail() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>");
        c.lines();
        return c;
    }

    @Test
    void noResolverAndNoRelayPolicyIsNeverAnOpenRelay() {
        SmtpClient c = mail();
        c.commands("RCPT TO:<victim@elsewhere.example>");
        assertEquals(List.of("550 5.7.1 Relaying denied"), c.replies());
    }

    @Test
    void relayPolicyAcceptRoutesOverSmtp() {
        server.resolvers.add(server.hook("r", 0, null, declining("r")));
        server.relayPolicies.add(server.hook("p", 0, null, (RelayPolicy) (s, r) -> Verdict.accept()));
        SmtpClient c = mail();
        c.commands("RCPT TO:<far@elsewhere.example>", "DATA");
        c.send("x\r\n.\r\n");
        assertEquals("250 2.0.0 Ok: queued as M1", c.replies().get(2));
        Route route = server.fakeSpool().last().envelope().recipients().get(0).routes().get(0);
        assertEquals(Route.SMTP, route.transport());
        assertEquals(List.of("r"), calls);
    }

    @Test
    void resolversWalkHighestRankingFirstWhateverTheInputOrder() {
        // DS injects ascending ranking order: -100, 5, 10 (and equal rankings by service.id)
        server.resolvers.add(server.hook("builtin", -100, null, declining("builtin")));
        server.resolvers.add(server.hook("five", 5, null, declining("five")));
        server.resolvers.add(server.hook("ten-a", 10, null, declining("ten-a")));
        server.resolvers.add(server.hook("ten-b", 10, null, declining("ten-b")));
        java.util.Collections.swap(server.resolvers, 2, 3); // ties: lower service.id still first
        SmtpClient c = mail();
        c.commands("RCPT TO:<x@elsewhere.example>");
        c.lines();
        assertEquals(List.of("ten-a", "ten-b", "five", "builtin"), calls);
    }

    @Test
    void firstNonDeclineWins() {
        server.resolvers.add(server.hook("low", 1, null, declining("low")));
        server.resolvers.add(server.hook("high", 2, null, (RecipientResolver) (s, r) -> {
            calls.add("high");
            return Resolution.refuse(Verdict.reject(550, "5.1.1", "No such user here"));
        }));
        SmtpClient c = mail();
        c.commands("RCPT TO:<nobody@example.org>");
        assertEquals(List.of("550 5.1.1 No such user here"), c.replies());
        assertEquals(List.of("high"), calls);
    }

    @Test
    void hooksTargetTheirListener() {
        server.resolvers.add(server.hook("other", 100, "submission", declining("other")));
        server.resolvers.add(server.hook("mine", 0, "default", declining("mine")));
        server.resolvers.add(server.hook("all", 0, null, declining("all")));
        SmtpClient c = mail();
        c.commands("RCPT TO:<x@elsewhere.example>");
        c.lines();
        assertEquals(List.of("mine", "all"), calls);
    }

    @Test
    void aHookThatThrowsDefersAndStopsTheChain() {
        server.resolvers.add(server.hook("broken", 0, null, (RecipientResolver) (s, r) -> {
            throw new IllegalStateException("boom");
        }));
        server.relayPolicies.add(server.hook("p", 0, null, (RelayPolicy) (s, r) -> {
            calls.add("relay");
            return Verdict.accept();
        }));
        server.senderFilters.add(server.hook("nullsender", 0, null, (SenderFilter) (s, a, p) -> null));
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>");
        assertEquals(List.of("451 4.3.0 Temporary local problem, try again later"), c.replies());
        server.senderFilters.clear(); // snapshot per command: gone from the next command on
        c.commands("MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>");
        assertEquals(List.of("250 2.1.0 Sender ok", "451 4.3.0 Temporary local problem, try again later"),
                c.replies());
        assertEquals(List.of(), calls, "relay policy not asked after a failure");
    }

    @Test
    void senderFilterVerdicts() {
        server.senderFilters.add(server.hook("f", 0, null, (SenderFilter) (s, a, p) ->
                a.domain().equals("spam.example") ? Verdict.reject()
                        : a.domain().equals("grey.example") ? Verdict.defer(450, "4.7.1", "Greylisted")
                        : p.containsKey("SMTPUTF8") ? Verdict.accept() : Verdict.decline()));
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@spam.example>", "MAIL FROM:<a@grey.example>",
                "MAIL FROM:<a@ok.example> SMTPUTF8");
        assertEquals(List.of("550 5.7.1 Sender rejected", "450 4.7.1 Greylisted", "250 2.1.0 Sender ok"),
                c.replies());
    }

    @Test
    void timeoutDefers() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        CountDownLatch release = new CountDownLatch(1);
        try {
            server.workers = pool;
            server.settings = server.settings.withHookTimeoutSeconds(1);
            server.resolvers.add(server.hook("slow", 0, null, (RecipientResolver) (s, r) -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Resolution.accept(Route.local(r));
            }));
            SmtpClient c = mail();
            c.commands("RCPT TO:<bob@example.org>", "NOOP");
            assertEquals(List.of("451 4.3.0 Temporary local problem, try again later", "250 2.0.0 Ok"),
                    Await.replies(c, 2, 5));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void connectionFilterRejectsBeforeTheGreeting() {
        server.connectionFilters.add(server.hook("deny", 0, null, (ConnectionFilter) s -> Verdict.reject()));
        SmtpClient c = new SmtpClient(server);
        assertEquals(List.of("554 5.7.1 Connection refused"), c.lines());
        assertFalse(c.open());
    }

    @Test
    void connectionFilterSeesTheReverseNameAndDeferralIs421() {
        server.settings = server.settings.withReverseLookup(true);
        server.connectionFilters.add(server.hook("later", 0, null, (ConnectionFilter) s ->
                s.reverseName().orElse("").equals("client.example.net") ? Verdict.defer() : Verdict.accept()));
        SmtpClient c = new SmtpClient(server);
        assertEquals(List.of("421 4.3.0 Service not available, try again later"), c.lines());
        assertFalse(c.open());
    }

    @Test
    void messageFiltersAddHeadersBelowTheReceivedHeader() {
        server.resolvers.add(server.hook("all", 0, null, (RecipientResolver) (s, r) -> Resolution.accept(Route.local(r))));
        server.messageFilters.add(server.hook("second", 1, null, (MessageFilter) (s, e, m, h) -> {
            h.add("X-Second", "2");
            return Verdict.decline();
        }));
        server.messageFilters.add(server.hook("first", 2, null, (MessageFilter) (s, e, m, h) -> {
            h.add("X-First", "1 size=" + m.size());
            return Verdict.decline();
        }));
        SmtpClient c = mail();
        c.commands("RCPT TO:<bob@example.org>", "DATA");
        c.send("Subject: s\r\n\r\nb\r\n.\r\n");
        assertEquals("250 2.0.0 Ok: queued as M1", c.replies().get(2));
        String stored = server.fakeSpool().last().content();
        int received = stored.indexOf("Received:");
        int first = stored.indexOf("X-First: 1 size=17\r\n");
        int second = stored.indexOf("X-Second: 2\r\n");
        assertTrue(received == 0 && first > received && second > first
                && stored.endsWith("X-Second: 2\r\nSubject: s\r\n\r\nb\r\n"), stored);
    }

    @Test
    void headerInjectionIsRefusedAndTheFilterFailureDefers() {
        server.resolvers.add(server.hook("all", 0, null, (RecipientResolver) (s, r) -> Resolution.accept(Route.local(r))));
        server.messageFilters.add(server.hook("evil", 0, null, (MessageFilter) (s, e, m, h) -> {
            h.add("X-A", "x\r\nBcc: victim@example.org");
            return Verdict.accept();
        }));
        SmtpClient c = mail();
        c.commands("RCPT TO:<bob@example.org>", "DATA");
        c.send("b\r\n.\r\n");
        assertEquals("451 4.3.0 Temporary local problem, try again later", c.replies().get(2));
        assertTrue(server.fakeSpool().stored.isEmpty());
    }

    @Test
    void messageFilterRejects() {
        server.resolvers.add(server.hook("all", 0, null, (RecipientResolver) (s, r) -> Resolution.accept(Route.local(r))));
        server.messageFilters.add(server.hook("virus", 0, null, (MessageFilter) (s, e, m, h) -> Verdict.reject()));
        SmtpClient c = mail();
        c.commands("RCPT TO:<bob@example.org>", "DATA");
        c.send("b\r\n.\r\n");
        assertEquals("554 5.7.1 Message rejected", c.replies().get(2));
        assertTrue(server.fakeSpool().stored.isEmpty());
    }
}
