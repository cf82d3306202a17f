package org.mailroot.itests.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

/** One ordinary message over a new connection; the marker variant waits until it is in Drop/. */
public final class Messages {
    private Messages() {
    }

    /** MAIL, RCPT, DATA on a fresh connection; returns the reply to the end of data. */
    public static Smtp.Reply send(int port, String from, String to, String subject) throws IOException {
        try (Smtp smtp = Smtp.open(port)) {
            smtp.ehlo();
            Smtp.Reply mail = smtp.command("MAIL FROM:<" + from + ">");
            if (mail.code() != 250) {
                return mail;
            }
            Smtp.Reply rcpt = smtp.command("RCPT TO:<" + to + ">");
            if (rcpt.code() != 250) {
                return rcpt;
            }
            Smtp.Reply end = smtp.data("Subject: " + subject + "\r\nMessage-ID: <" + subject + "@client.example>\r\n\r\n" + subject);
            smtp.command("QUIT");
            return end;
        }
    }

    /**
     * Sends a marker and waits for it in Drop/: mail accepted before it has had its chance to be
     * delivered, so a later "nothing else arrived" check is meaningful.
     */
    public static MailFile marker(InProcessServer server, Duration timeout) throws IOException {
        String subject = "marker-" + UUID.randomUUID();
        Smtp.Reply reply = send(server.port(), "marker@client.example", "user@example.com", subject);
        if (reply.code() != 250) {
            throw new AssertionError("marker message refused: " + reply);
        }
        return server.instance().dropFolder().awaitWith("Subject", subject, timeout);
    }
}
