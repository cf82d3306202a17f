package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.RelayPolicy;
import org.mailroot.smtp.test.FakeServer;
import org.mailroot.smtp.test.SmtpClient;

/**
 * requireRelayPolicy: while no relay policy is bound a non-local recipient is deferred (451
 * 4.3.0), never accepted and never refused for good; local recipients are unaffected. Without
 * the key the listener stays as safe as before (550 5.7.1).
 */
class RelayRequiredTest {
    private final FakeServer server = FakeServer.acceptingExampleOrg();

    private List<String> rcpts(String... recipients) {
        SmtpClient c = SmtpClient.ready(server);
        c.commands("MAIL FROM:<a@sender.example>");
        c.lines();
        for (String r : recipients) {
            c.commands("RCPT TO:<" + r + ">");
        }
        return c.replies();
    }

    @Test
    void absentRequiredRelayPolicyDefersNonLocalOnly() {
        server.relayRequired = true;
        assertEquals(List.of("250 2.1.5 Recipient ok", "451 4.3.0 Relay control not available, try again later"),
                rcpts("user@example.org", "far@elsewhere.example"));
    }

    @Test
    void withoutTheKeyAnAbsentPolicyStillMeansRelayingDenied() {
        assertEquals(List.of("550 5.7.1 Relaying denied"), rcpts("far@elsewhere.example"));
    }

    @Test
    void aBoundPolicyDecidesAgainOnceItIsBack() {
        server.relayRequired = true;
        server.relayPolicies.add(server.hook("declines", -100, null, (RelayPolicy) (s, r) -> Verdict.decline()));
        assertEquals(List.of("550 5.7.1 Relaying denied"), rcpts("far@elsewhere.example"),
                "present and declining: the normal refusal");
        server.relayPolicies.clear();
        server.relayPolicies.add(server.hook("grants", -100, null, (RelayPolicy) (s, r) -> Verdict.accept()));
        assertEquals(List.of("250 2.1.5 Recipient ok"), rcpts("far@elsewhere.example"));
    }
}
