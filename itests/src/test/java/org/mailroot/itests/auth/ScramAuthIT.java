package org.mailroot.itests.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;

/**
 * SCRAM-SHA-256 (RFC 5802/7677) over a real socket with a client written here from the RFC (no
 * server code): the right password gets 235 after the server proves it knows the key too; a
 * wrong one gets 535.
 */
class ScramAuthIT {
    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(instance -> {
        AuthSetup.plaintextSubmission(instance, "failureDelayMillis=0");
        AuthSetup.addUser(instance, AuthSetup.ALICE, AuthSetup.ALICE_PASSWORD);
    });

    @Test
    void rightPasswordAuthenticatesAndTheServerSignatureVerifies() throws Exception {
        try (Smtp smtp = Smtp.open(server.instance().submissionPort())) {
            smtp.ehlo();
            assertEquals(235, scram(smtp, "alice@example.com", AuthSetup.ALICE_PASSWORD).code());
            assertEquals(250, smtp.command("MAIL FROM:<alice@example.com>").code(), "authenticated: MAIL allowed");
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGet535() throws Exception {
        try (Smtp smtp = Smtp.open(server.instance().submissionPort())) {
            smtp.ehlo();
            assertEquals(535, scram(smtp, "alice@example.com", "wrong").code());
            assertEquals(535, scram(smtp, "nobody@example.com", "wrong").code());
            assertEquals(530, smtp.command("MAIL FROM:<alice@example.com>").code());
        }
    }

    private static Smtp.Reply scram(Smtp smtp, String user, String password) throws Exception {
        return ScramClient.authenticate(smtp::command, user, password);
    }
}
