package org.mailroot.itests.harness;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client thread sending, until stopped, messages with a local recipient and a non-local one
 * (MAIL, RCPT local, RCPT remote, DATA), a few per connection. Records the timing and reply of
 * every non-local RCPT and every final DATA reply; a dropped session is recorded, never swallowed.
 */
public final class RelayLoadClient implements Runnable {
    /** One reply with when its command was sent and when the reply was read (System.nanoTime()). */
    public record Outcome(String subject, int code, String reply, long sentNanos, long repliedNanos) {
    }

    /** What all client threads of a test share. */
    public static final class Results {
        public final Queue<Outcome> remoteRcpts = new ConcurrentLinkedQueue<>();
        public final Queue<Outcome> messages = new ConcurrentLinkedQueue<>();
        public final Queue<String> errors = new ConcurrentLinkedQueue<>();
        public final AtomicBoolean running = new AtomicBoolean(true);

        /** Non-local RCPTs sent after {@code since} answered with {@code code}. */
        public long remoteSince(long since, int code) {
            return remoteRcpts.stream().filter(o -> o.sentNanos() - since > 0 && o.code() == code).count();
        }

        /** Messages acknowledged (250) that were started after {@code since}. */
        public long ackedSince(long since) {
            return messages.stream().filter(o -> o.sentNanos() - since > 0 && o.code() == 250).count();
        }
    }

    private final int port;
    private final String prefix;
    private final Results results;
    private final AtomicInteger seq = new AtomicInteger();

    public RelayLoadClient(int port, String prefix, Results results) {
        this.port = port;
        this.prefix = prefix;
        this.results = results;
    }

    @Override
    public void run() {
        while (results.running.get()) {
            try (Smtp smtp = Smtp.open(port)) {
                smtp.ehlo();
                for (int i = 0; i < 5 && results.running.get(); i++) {
                    sendOne(smtp);
                }
                smtp.command("QUIT");
            } catch (IOException e) {
                results.errors.add(prefix + ": " + e);
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
            long sent = System.nanoTime();
            Smtp.Reply remote = smtp.command("RCPT TO:<" + subject + "@remote.test>");
            results.remoteRcpts.add(new Outcome(subject, remote.code(), remote.toString(), sent, System.nanoTime()));
            reply = smtp.data("Subject: " + subject + "\r\nMessage-ID: <" + subject + "@client.example>\r\n\r\nload");
        }
        results.messages.add(new Outcome(subject, reply.code(), reply.toString(), start, System.nanoTime()));
        if (reply.code() != 250) {
            smtp.command("RSET");
        }
    }
}
