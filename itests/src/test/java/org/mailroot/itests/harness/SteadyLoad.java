package org.mailroot.itests.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Client threads that keep SMTP transactions flowing while a test changes the server, as a
 * well-behaved MTA would: a 4xx (a refused connection while paused, a 451 while a hook's bundle
 * is replaced) is counted as retried and the same message is tried again after a short back-off;
 * anything else that is not a 250 (a 5xx, a dropped connection, a timeout) is a failure. Even
 * threads reuse each connection for several messages, odd ones connect for every message.
 */
public final class SteadyLoad implements AutoCloseable {
    /** An acknowledged message: first connection attempt started, 250 read (System.nanoTime()), attempts made. */
    public record Ack(String subject, long firstStart, long end, int attempts) {
        public long nanos() {
            return end - firstStart;
        }
    }

    private static final long BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int REUSE = 5;

    public final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    public final Queue<String> retried = new ConcurrentLinkedQueue<>();
    public final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final int port;
    private final String domain;
    private final String body;

    /** Starts {@code clients} threads sending to &lt;thread&gt;@domain, bodies of about bodyBytes. */
    public SteadyLoad(int port, int clients, String domain, int bodyBytes) {
        this.port = port;
        this.domain = domain;
        this.body = ("load test line of text, 40 octets long\r\n").repeat(Math.max(1, bodyBytes / 40));
        for (int i = 0; i < clients; i++) {
            String prefix = "load" + i;
            int perConnection = i % 2 == 0 ? REUSE : 1;
            Thread t = new Thread(() -> run(prefix, perConnection), "steady-load-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    public long acksStartedAfter(long nanos) {
        return acks.stream().filter(a -> a.firstStart() - nanos > 0).count();
    }

    /** One message being tried until a 250 (or a failure gives it up). */
    private static final class Pending {
        final String subject;
        final long firstStart = System.nanoTime();
        int attempts;

        Pending(String subject) {
            this.subject = subject;
        }
    }

    private void run(String prefix, int perConnection) {
        int seq = 0;
        Pending pending = null;
        while (running.get()) {
            if (pending == null) {
                // the message exists from its first connection attempt on: a refused connection
                // (paused server) counts in its time, as it would in an MTA's queue
                pending = new Pending(prefix + "-" + (++seq));
            }
            try (Smtp smtp = Smtp.connect(port)) {
                Smtp.Reply greeting = smtp.read();
                if (greeting.code() / 100 == 4) { // paused (421, RFC 5321 §3.8): come back later
                    pending.attempts++;
                    retried.add(prefix + " connect: " + greeting);
                    LockSupport.parkNanos(BACKOFF_NANOS);
                    continue;
                }
                if (greeting.code() != 220 || smtp.ehlo().code() != 250) {
                    failures.add(prefix + " greeting/EHLO: " + greeting);
                    continue;
                }
                boolean open = true;
                for (int i = 0; i < perConnection && running.get() && open; i++) {
                    if (pending == null) {
                        pending = new Pending(prefix + "-" + (++seq));
                    }
                    Smtp.Reply reply = attempt(smtp, prefix, pending);
                    if (reply.code() == 250) {
                        acks.add(new Ack(pending.subject, pending.firstStart, System.nanoTime(), pending.attempts));
                        pending = null;
                    } else if (reply.code() / 100 == 4) {
                        retried.add(pending.subject + ": " + reply);
                        LockSupport.parkNanos(BACKOFF_NANOS);
                        if (reply.code() == 421) {
                            open = false; // the server closes this connection (RFC 5321 §3.8)
                        } else {
                            smtp.command("RSET");
                        }
                    } else {
                        failures.add(pending.subject + ": " + reply);
                        pending = null;
                        smtp.command("RSET");
                    }
                }
                if (open) {
                    smtp.command("QUIT");
                }
            } catch (IOException e) {
                failures.add((pending == null ? prefix : pending.subject) + ": " + e);
                pending = null; // its fate is unknown: never sent twice under one subject
            }
        }
    }

    private Smtp.Reply attempt(Smtp smtp, String prefix, Pending p) throws IOException {
        p.attempts++;
        Smtp.Reply reply = smtp.command("MAIL FROM:<" + prefix + "@client.example>");
        if (reply.code() == 250) {
            reply = smtp.command("RCPT TO:<" + prefix + "@" + domain + ">");
        }
        if (reply.code() == 250) {
            reply = smtp.data("Subject: " + p.subject + "\r\nMessage-ID: <" + p.subject + "@client.example>\r\n"
                    + "From: <" + prefix + "@client.example>\r\n\r\n" + body);
        }
        return reply;
    }

    /** Stops the clients after their current transaction and waits for them. */
    @Override
    public void close() {
        running.set(false);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                failures.add(t.getName() + " still running 30 s after stop");
            }
        }
    }
}
