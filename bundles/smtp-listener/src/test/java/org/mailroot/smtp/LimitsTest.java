package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailroot.smtp.net.ConnectionGate;
import org.mailroot.smtp.net.PipelineNames;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.SmtpClient;

class LimitsTest {
    private final FakeServer server = FakeServer.acceptingExampleOrg();

    private SmtpClient inData() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>", "DATA");
        c.lines();
        return c;
    }

    @Test
    void sizeParameterAboveTheLimit() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example> SIZE=2097153", "MAIL FROM:<a@sender.example> SIZE=2097152");
        assertEquals(List.of("552 5.3.4 Message size exceeds fixed maximum message size",
                "250 2.1.0 Sender ok"), c.replies());
    }

    @Test
    void messageTooBigIsReadToTheEndAndRefused() {
        server.settings = server.settings.withMaxMessageSize(100);
        SmtpClient c = inData();
        c.send("x".repeat(60) + "\r\n" + "y".repeat(60) + "\r\nQUIT\r\n");
        assertEquals(List.of(), c.replies(), "still reading the message");
        c.send(".\r\nNOOP\r\n");
        assertEquals(List.of("552 5.3.4 Message size exceeds fixed maximum message size",
                "250 2.0.0 Ok"), c.replies());
        assertTrue(server.fakeSpool().stored.isEmpty());
    }

    @Test
    void sessionSizeLimit() {
        server.settings = server.settings.withMaxSessionSize(400);
        SmtpClient c = inData();
        c.send("z".repeat(500) + "\r\n.\r\nNOOP\r\n");
        assertEquals(List.of("552 5.3.4 Session size limit exceeded",
                "421 4.7.0 Session size limit exceeded, closing connection"), c.replies());
        assertFalse(c.open());
        assertTrue(server.fakeSpool().stored.isEmpty());
    }

    @Test
    void maxRecipients() {
        server.settings = server.settings.withMaxRecipients(2);
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>", "RCPT TO:<b1@example.org>",
                "RCPT TO:<b2@example.org>", "RCPT TO:<b3@example.org>");
        assertEquals(List.of("250 2.1.0 Sender ok", "250 2.1.5 Recipient ok",
                "250 2.1.5 Recipient ok", "452 4.5.3 Too many recipients"), c.replies());
    }

    @Test
    void commandLineLimitCountsTheCrlf() {
        SmtpClient c = SmtpClient.ready(server);
        c.send("NOOP " + "a".repeat(505) + "\r\n"); // 512 octets
        c.send("NOOP " + "a".repeat(506) + "\r\n"); // 513 octets
        c.send("NOOP " + "a".repeat(5000));
        c.send("b".repeat(5000) + "\r\nNOOP\r\n");
        assertEquals(List.of("250 2.0.0 Ok", "500 5.5.6 Line too long", "500 5.5.6 Line too long",
                "250 2.0.0 Ok"), c.replies());
    }

    @Test
    void textLineLimitRefusesTheMessage() {
        SmtpClient c = inData();
        c.send("a".repeat(998) + "\r\n.\r\n"); // 1000 octets: allowed
        assertEquals(List.of("250 2.0.0 Ok: queued as M1"), c.replies());
        c.commands("MAIL FROM:<a@sender.example>", "RCPT TO:<bob@example.org>", "DATA");
        c.lines();
        c.send("a".repeat(999) + "\r\n.\r\n");
        assertEquals(List.of("550 5.5.6 Message refused: text line too long"), c.replies());
        assertEquals(1, server.fakeSpool().stored.size());
    }

    @Test
    void idleTimeout() {
        SmtpClient c = SmtpClient.ready(server);
        IdleStateHandler idle = (IdleStateHandler) c.channel.pipeline().get(PipelineNames.IDLE);
        assertEquals(600_000, idle.getReaderIdleTimeInMillis());
        c.channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertEquals(List.of("421 4.4.2 Idle timeout, closing connection"), c.replies());
        assertFalse(c.open());
    }

    @Test
    void maxConnectionsAndPause() {
        server.settings = server.settings.withConnections(1, false);
        ConnectionGate gate = new ConnectionGate(() -> server.settings,
                new DefaultChannelGroup(GlobalEventExecutor.INSTANCE));
        SmtpClient first = new SmtpClient(server, gate);
        assertEquals(List.of("220 mx.example.org ESMTP Mailroot ready"), first.lines());
        SmtpClient second = new SmtpClient(server, gate);
        assertEquals(List.of("421 4.7.0 Too many connections, try again later"), second.lines());
        assertFalse(second.open());

        server.settings = server.settings.withConnections(0, true);
        SmtpClient third = new SmtpClient(server, gate);
        assertEquals(List.of("421 4.3.2 Service paused, try again later"), third.lines());
        assertFalse(third.open());
        first.commands("NOOP");
        assertEquals(List.of("250 2.0.0 Ok"), first.replies(), "open sessions continue while paused");
    }
}
