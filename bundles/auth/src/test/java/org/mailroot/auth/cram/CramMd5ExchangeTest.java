package org.mailroot.auth.cram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailroot.api.auth.SaslExchange;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.auth.UserDirectory;
import org.mailroot.auth.Users;
import org.mailroot.auth.store.CramMd5Key;
import org.mailroot.auth.store.ScramCredential;
import org.mailroot.auth.store.UserRecord;
import org.junit.jupiter.api.Test;

/** The RFC 2195 §2 example exchange, and what fails. */
class CramMd5ExchangeTest {
    private static final byte[] CHALLENGE = "<1896.697170952@postoffice.reston.mci.net>".getBytes(StandardCharsets.US_ASCII);
    private static final ScramCredential SCRAM = ScramCredential.create("tanstaaftanstaaf".toCharArray(), 4096);
    private static final Users USERS = new Users(Map.of(
            "tim", new UserRecord("tim", SCRAM, List.of(), CramMd5Key.of("tanstaaftanstaaf".toCharArray())),
            "bob", new UserRecord("bob", SCRAM, List.of())), "");

    private static SaslExchange exchange() {
        return new CramMd5Exchange(USERS::find, CHALLENGE, CramMd5Key.of("decoy".toCharArray()));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void rfc2195ExampleAuthenticatesTim() {
        SaslExchange ex = exchange();
        assertArrayEquals(CHALLENGE, ex.initialChallenge().orElseThrow(), "server first: the challenge");
        SaslStep step = ex.evaluate(ascii("tim b913a602c7eda7a495b4e6e7334d3890"));
        assertEquals(SaslStep.Kind.SUCCESS, step.kind());
        assertEquals(Optional.of("tim"), step.identity());
    }

    @Test
    void wrongDigestUnknownUserNoSecretAndGarbageFail() {
        for (String response : new String[] {"tim b913a602c7eda7a495b4e6e7334d3891", "nobody b913a602c7eda7a495b4e6e7334d3890",
                "bob b913a602c7eda7a495b4e6e7334d3890", "tim", "", " b913a602c7eda7a495b4e6e7334d3890"}) {
            SaslStep step = exchange().evaluate(ascii(response));
            assertEquals(SaslStep.Kind.FAILURE, step.kind(), "'" + response + "'");
            assertTrue(step.verdict().orElseThrow().kind() == org.mailroot.api.Verdict.Kind.REJECT, response);
        }
    }

    @Test
    void oneResponseOnly() {
        SaslExchange ex = exchange();
        ex.evaluate(ascii("tim wrong"));
        assertEquals(SaslStep.Kind.FAILURE, ex.evaluate(ascii("tim b913a602c7eda7a495b4e6e7334d3890")).kind());
    }

    @Test
    void mechanismChallengesAreUniqueAndNameTheServer() {
        CramMd5Mechanism m = new CramMd5Mechanism(UserDirectory.fixed(USERS));
        String a = new String(m.challenge("mx.example.com"), StandardCharsets.US_ASCII);
        String b = new String(m.challenge("mx.example.com"), StandardCharsets.US_ASCII);
        assertTrue(a.matches("<\\d+\\.\\d+@mx\\.example\\.com>"), a);
        assertTrue(!a.equals(b), "unique per exchange");
        assertEquals("CRAM-MD5", m.name());
    }
}
