package org.mailroot.itests.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One client thread sending messages in a loop until stopped, each with a unique Subject and
 * Message-ID, over fresh connections (perConnection = 1) or reused ones (MAIL again after 250).
 * Records every 250 with its timing; any other outcome is recorded, never swallowed.
 */
public final class LoadClient implements Runnable {
    /** A message the server acknowledged: started (before MAIL) and acknowledged (250 read), System.nanoTime(). */
    public record Ack(String subject, long startNanos, long endNanos) {
    }

    /** What all client threads of a test share. */
    public static final class Results {
        public final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
        public final Queue<String> errors = new ConcurrentLinkedQueue<>();      // IOException: a dropped session
        public final Queue<String> transients = new ConcurrentLinkedQueue<>();  // 4xx: allowed, the client retries
        public final Queue<String> permanents = new ConcurrentLinkedQueue<>();  // 5xx: never allowed here
        public final AtomicBoolean running = new AtomicBoolean(true);

        public long acksStartedAfter(long nanos) {
            return acks.stream().filter(a -> a.startNanos() - nanos > 0).count();
        }
    }

    private final int port;
    private final String prefix;
    private final int perConnection;
    private final Results results;
    private final boolean expectOutage;
    private final AtomicInteger seq = new AtomicInteger();

    /** expectOutage: a server that goes away is part of the test (crash test): back off and keep trying. */
    public LoadClient(int port, String prefix, int perConnection, Results results, boolean expectOutage) {
        this.port = port;
        this.prefix = prefix;
        this.perConnection = perConnection;
        this.results = results;
        this.expectOutage = expectOutage;
    }

    @Override
    public void run() {
        while (results.running.get()) {
            try (Smtp smtp = Smtp.open(port)) {
                smtp.ehlo();
                for (int i = 0; i < perConnection && results.running.get(); i++) {
                    sendOne(smtp);
                }
                smtp.command("QUIT");
            } catch (IOException e) {
                results.errors.add(prefix + ": " + e);
                if (expectOutage) {
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                }
            }
        }
    }

    private void sendOne(Smtp smtp) throws IOException {
        String subject = prefix + "-" + seq.incrementAndGet();
        long start = System.nanoTime();
        Smtp.Reply reply = smtp.command("MAIL FROM:<" + prefix + "@client.example>");
        if (reply.code() == 250) {
            reply = smtp.command("RCPT TO:<user@example.com>");
        }
        if (reply.code() == 250) {
            reply = smtp.data("Subject: " + subject + "\r\nMessage-ID: <" + subject + "@client.example>\r\n"
                    + "From: <" + prefix + "@client.example>\r\n\r\nload " + subject);
        }
        if (reply.code() == 250) {
            results.acks.add(new Ack(subject, start, System.nanoTime()));
            return;
        }
        (reply.code() / 100 == 4 ? results.transients : results.permanents).add(subject + ": " + reply);
        smtp.command("RSET");
    }
}
