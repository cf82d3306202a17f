package org.mailroot.itests.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;

/** Failed AUTH from one address: growing delays, then 421 4.7.0 and disconnect, then refused at AUTH. */
class AuthThrottleIT {
    private static final long FIRST_DELAY_MS = 300;

    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance -> {
        AuthSetup.plaintextSubmission(instance, "failureDelayMillis=" + FIRST_DELAY_MS, "maxFailures=3",
                "lockoutMinutes=1");
        AuthSetup.addUser(instance, AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD);
    });

    @Test
    void delaysGrowThenTheClientIsDisconnectedAndLockedOut() throws Exception {
        int port = server.instance().submissionPort();
        try (Smtp smtp = Smtp.open(port)) {
            smtp.ehlo();
            long first = timed(smtp, 535);
            long second = timed(smtp, 535);
            assertTrue(first >= FIRST_DELAY_MS, "first failure delayed " + first + " ms");
            assertTrue(second >= 2 * FIRST_DELAY_MS, "second failure delayed longer: " + second + " ms");
            Smtp.Reply third = smtp.command("AUTH PLAIN " + AuthSetup.plain(AuthSetup.ALICE, "guess3"));
            assertEquals(421, third.code(), third.toString());
            assertTrue(third.text().startsWith("4.7.0"), third.toString());
            assertTrue(smtp.closedByServer(), "RFC 5321 §3.8: 421 then close");
        }
        try (Smtp smtp = Smtp.open(port)) {
            smtp.ehlo();
            Smtp.Reply refused = smtp.command("AUTH PLAIN " + AuthSetup.plain(AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD));
            assertEquals(421, refused.code(), "the address is locked out even with the right password: " + refused);
        }
    }

    private static long timed(Smtp smtp, int expected) throws Exception {
        long t0 = System.nanoTime();
        Smtp.Reply r = smtp.command("AUTH PLAIN " + AuthSetup.plain(AuthSetup.ALICE, "guess"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(expected, r.code(), r.toString());
        return ms;
    }
}
