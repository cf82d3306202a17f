package org.mailroot.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mailroot.api.log.MailEvent;

class ServerLogSinkTest {
    @Test
    void oneCompactLinePerEventWithControlsEscaped() {
        MailEvent e = new MailEvent(Instant.parse("2026-11-22T10:00:00Z"), MailEvent.Type.COMMAND, "s1",
                "default", "192.0.2.1", null, "Q1", "MAIL", "FROM:<a@b>\r\nforged \"x\"", 250, "2.1.0 OK",
                30, 12, 3);
        assertEquals("2026-11-22T10:00:00Z COMMAND s1 default 192.0.2.1 - Q1 MAIL"
                + " \"FROM:<a@b>\\x0d\\x0aforged \\\"x\\\"\" 250 \"2.1.0 OK\" 30 12 3", ServerLogSink.line(e));
    }
}
