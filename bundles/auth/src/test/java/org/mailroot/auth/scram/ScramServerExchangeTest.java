package org.mailroot.auth.scram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.auth.store.ScramCredential;
import org.mailroot.auth.store.UserRecord;

/** The SCRAM-SHA-256 exchange of RFC 7677 §3, byte for byte, and the ways it must fail. */
class ScramServerExchangeTest {
    private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final UserRecord USER = new UserRecord("user",
            ScramCredential.derive("pencil".toCharArray(), Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096),
            List.of());

    private static ScramServerExchange exchange() {
        return new ScramServerExchange(n -> n.equals("user") ? Optional.of(USER) : Optional.empty(),
                () -> SERVER_NONCE, new byte[32], "192.0.2.1");
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(SaslStep step) {
        return new String(step.data().orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void rfc7677Section3Vector() {
        ScramServerExchange x = exchange();
        SaslStep first = x.evaluate(b("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        assertEquals(SaslStep.Kind.CHALLENGE, first.kind());
        assertEquals("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", text(first));
        SaslStep last = x.evaluate(b("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        assertEquals(SaslStep.Kind.SUCCESS, last.kind());
        assertEquals(Optional.of("user"), last.identity());
        assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", text(last));
    }

    @Test
    void wrongProofFails() {
        ScramServerExchange x = exchange();
        x.evaluate(b("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        SaslStep last = x.evaluate(b("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=AHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        assertEquals(SaslStep.Kind.FAILURE, last.kind());
    }

    @Test
    void unknownUserGetsADecoyChallengeAndFailsAtTheProof() {
        ScramServerExchange x = exchange();
        SaslStep first = x.evaluate(b("n,,n=nobody,r=abc"));
        assertEquals(SaslStep.Kind.CHALLENGE, first.kind(), "no early answer that tells the name is unknown");
        SaslStep last = x.evaluate(b("c=biws,r=abc" + SERVER_NONCE + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        assertEquals(SaslStep.Kind.FAILURE, last.kind());
    }

    @Test
    void nonceAndChannelBindingMustMatch() {
        ScramServerExchange x = exchange();
        x.evaluate(b("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        assertEquals(SaslStep.Kind.FAILURE, x.evaluate(b("c=biws,r=rOprNGfwEbeRWgbNEkqOXX,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")).kind());
        ScramServerExchange y = exchange();
        y.evaluate(b("y,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        // c= must be base64("y,,") = eSws, not biws
        assertEquals(SaslStep.Kind.FAILURE, y.evaluate(b("c=biws,r=rOprNGfwEbeRWgbNEkqO" + SERVER_NONCE
                + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")).kind());
    }

    @Test
    void channelBindingRequestAndGarbageAreRefused() {
        assertEquals(SaslStep.Kind.FAILURE, exchange().evaluate(b("p=tls-unique,,n=user,r=abc")).kind());
        assertEquals(SaslStep.Kind.FAILURE, exchange().evaluate(b("garbage")).kind());
        assertEquals(SaslStep.Kind.FAILURE, exchange().evaluate(b("n,,r=abc")).kind());
    }

    @Test
    void saslNameEscapes() {
        assertEquals("a,b=c", ScramMessages.saslName("a=2Cb=3Dc"));
    }
}
