package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailroot.api.Envelope;
import org.mailroot.api.Recipient;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.SmtpClient;

/** RFC 3461 parameters are parsed, validated and kept in the envelope. */
class DsnTest {
    private final FakeServer server = FakeServer.acceptingExampleOrg();

    @Test
    void parametersRoundTripIntoTheEnvelope() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example> RET=HDRS ENVID=QQ+2B314",
                "RCPT TO:<bob@example.org> NOTIFY=SUCCESS,delay ORCPT=rfc822;bob+40example.org",
                "RCPT TO:<carol@example.org> NOTIFY=NEVER", "RCPT TO:<dave@example.org>", "DATA");
        c.send("x\r\n.\r\n");
        assertEquals("250 2.0.0 Ok: queued as M1", c.replies().get(5));
        Envelope e = server.fakeSpool().last().envelope();
        assertEquals(Optional.of(Envelope.Ret.HDRS), e.ret());
        assertEquals(Optional.of("QQ+314"), e.envelopeId());
        Recipient bob = e.recipients().get(0);
        assertEquals(Set.of(Recipient.Notify.SUCCESS, Recipient.Notify.DELAY), bob.notifyOn());
        assertEquals(Optional.of("rfc822;bob+40example.org"), bob.originalRecipient());
        assertEquals(Set.of(Recipient.Notify.NEVER), e.recipients().get(1).notifyOn());
        assertEquals(Set.of(), e.recipients().get(2).notifyOn());
        assertEquals(Optional.empty(), e.recipients().get(2).originalRecipient());
    }

    @Test
    void invalidValuesAreRefused() {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@s.example> RET=ALL", "MAIL FROM:<a@s.example> ENVID=a=b",
                "MAIL FROM:<a@s.example> ENVID=a+2g", "MAIL FROM:<a@s.example> RET=FULL RET=FULL",
                "MAIL FROM:<a@s.example> ENVID=" + "x".repeat(101),
                "MAIL FROM:<a@s.example> RET=FULL",
                "RCPT TO:<bob@example.org> NOTIFY=NEVER,SUCCESS", "RCPT TO:<bob@example.org> NOTIFY=SOMETIMES",
                "RCPT TO:<bob@example.org> ORCPT=bob@example.org", "RCPT TO:<bob@example.org> ORCPT=rfc822;a=b",
                "RCPT TO:<bob@example.org> FOO=BAR");
        String bad = "501 5.5.4 Syntax error in parameters or arguments";
        assertEquals(List.of(bad, bad, bad, bad, bad, "250 2.1.0 Sender ok", bad, bad, bad, bad,
                "555 5.5.4 Parameter not recognized or not implemented"), c.replies());
    }
}
