package org.mailroot.smtp.session;

import java.time.Instant;
import org.mailroot.api.log.MailEvent;
import org.mailroot.smtp.ServerContext;
import org.mailroot.smtp.codec.Reply;

/** Builds the MailEvents of a session (connect, each command with its reply, disconnect). */
final class SessionEvents {
    private final ServerContext server;
    private final SmtpSession session;
    private final long start = System.nanoTime();

    SessionEvents(ServerContext server, SmtpSession session) {
        this.server = server;
        this.session = session;
    }

    void connect() {
        publish(MailEvent.Type.CONNECT, "", "", null, 0, 0);
    }

    void command(String verb, String argument, Reply reply, long bytesIn, long elapsedNanos) {
        publish(MailEvent.Type.COMMAND, verb, argument, reply, bytesIn, elapsedNanos);
    }

    /** A message was queued (after the 250 to DATA or BDAT LAST). */
    void received(Reply reply, long size) {
        publish(MailEvent.Type.RECEIVED, "", "", reply, size, System.nanoTime() - start);
    }

    void disconnect(long bytesIn) {
        publish(MailEvent.Type.DISCONNECT, "", "", null, bytesIn, System.nanoTime() - start);
    }

    private void publish(MailEvent.Type type, String verb, String argument, Reply reply,
            long bytesIn, long elapsedNanos) {
        if (!server.publishing()) {
            return; // no publisher bound: do not even build the event
        }
        server.publish(new MailEvent(Instant.now(), type, session.id(), session.listenerName(),
                session.clientIp(), session.authenticatedUser().orElse(""), queueId(reply), verb, argument,
                reply == null ? 0 : reply.code(), reply == null ? "" : reply.text(), bytesIn, 0,
                elapsedNanos / 1_000_000));
    }

    private static String queueId(Reply reply) {
        if (reply != null && reply.code() == 250) {
            String line = reply.lines().get(0);
            int i = line.indexOf("queued as ");
            return i < 0 ? "" : line.substring(i + "queued as ".length());
        }
        return "";
    }
}
