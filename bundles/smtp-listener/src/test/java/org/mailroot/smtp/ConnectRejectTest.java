package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.ConnectionFilter;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.command.CommandTable;
import org.mailroot.smtp.session.SessionState;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.SmtpClient;

/** A connection filter's refusal cannot be bypassed, even when its reply cannot be built. */
class ConnectRejectTest {
    private final FakeServer server = new FakeServer();

    private void rejectWithBadText(boolean nonBlocking) {
        ConnectionFilter f = s -> Verdict.reject(554, "5.7.1", "go away\r\n250 ok");
        server.connectionFilters.add(nonBlocking ? server.nonBlockingHook("bad", 0, f)
                : server.hook("bad", 0, null, f));
    }

    private void assertClosedWith421(SmtpClient c) {
        List<String> lines = c.lines();
        assertEquals(List.of("421 4.3.0 Service not available, try again later"), lines);
        assertFalse(c.open(), "closed after the 421: no EHLO can follow");
    }

    @Test
    void crLfInAnInlineFilterVerdictGives421AndCloses() {
        rejectWithBadText(true);
        assertClosedWith421(new SmtpClient(server));
    }

    @Test
    void crLfInABlockingFilterVerdictGives421AndCloses() {
        rejectWithBadText(false);
        assertClosedWith421(new SmtpClient(server));
    }

    @Test
    void everyCommandBeforeTheGreetingIsOutOfSequence() {
        for (String verb : List.of("EHLO", "HELO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "NOOP",
                "QUIT", "VRFY", "HELP", "STARTTLS")) {
            Reply r = CommandTable.STANDARD.lookup(verb, SessionState.CONNECTING)
                    .handle(null, "x").toCompletableFuture().join();
            assertEquals(503, r.code(), verb);
            assertEquals("5.5.1 Bad sequence of commands", r.text(), verb);
        }
    }

    @Test
    void pipelinedEhloAfterABadVerdictIsNeverAnswered250() {
        CountDownLatch ehloSent = new CountDownLatch(1);
        server.connectionFilters.add(server.hook("bad", 0, null, (ConnectionFilter) s -> {
            try {
                ehloSent.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Verdict.reject(554, "5.7.1", "go away\r\n250 ok");
        }));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            server.workers = pool;
            SmtpClient c = new SmtpClient(server);
            c.commands("EHLO client.example.net", "MAIL FROM:<a@sender.example>");
            ehloSent.countDown();
            List<String> replies = Await.replies(c, 1, 5);
            assertEquals(List.of("421 4.3.0 Service not available, try again later"), replies);
            assertFalse(c.open());
            assertTrue(replies.stream().noneMatch(l -> l.startsWith("250")), "EHLO never answered 250");
        } finally {
            pool.shutdownNow();
        }
    }
}
