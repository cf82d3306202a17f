package org.mailroot.itests.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;
import org.osgi.framework.Bundle;

/**
 * The auth bundle stopped and started under a running server: the submission socket stays open,
 * AUTH disappears from EHLO, a client asking anyway gets 454 4.7.0 (temporary, never 5xx), and
 * authentication works again once the bundle is back.
 */
class AuthBundleSwapIT {
    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance -> {
        AuthSetup.plaintextSubmission(instance, "failureDelayMillis=0");
        AuthSetup.addUser(instance, AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD);
    });

    private Bundle authBundle() {
        return Arrays.stream(server.get().context().getBundles())
                .filter(b -> "org.mailroot.auth".equals(b.getSymbolicName())).findFirst().orElseThrow();
    }

    private int authCode() {
        try (Smtp smtp = Smtp.open(server.instance().submissionPort())) {
            smtp.ehlo();
            return smtp.command("AUTH PLAIN " + AuthSetup.plain(AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD)).code();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void stoppingTheAuthBundleMakesAuthTemporaryNotPermanent() throws Exception {
        assertEquals(235, authCode());
        authBundle().stop();
        try (Smtp smtp = Smtp.open(server.instance().submissionPort())) {
            Smtp.Reply ehlo = smtp.ehlo();
            assertFalse(ehlo.has("AUTH"), "no mechanism left to offer: " + ehlo);
            assertEquals(454, smtp.command("AUTH PLAIN " + AuthSetup.plain(AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD)).code(),
                    "RFC 4954 §6: an absent authenticator is a temporary failure");
            assertEquals(504, smtp.command("AUTH SCRAM-SHA-256").code(), "SCRAM left with its bundle");
            assertEquals(530, smtp.command("MAIL FROM:<alice@example.com>").code());
        }
        authBundle().start();
        Await.until(Duration.ofSeconds(10), "AUTH works again", (BooleanSupplier) () -> authCode() == 235);
        assertTrue(authBundle().getState() == Bundle.ACTIVE);
    }
}
