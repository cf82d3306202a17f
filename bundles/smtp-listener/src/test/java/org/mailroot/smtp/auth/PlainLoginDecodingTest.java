package org.mailroot.smtp.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailroot.api.hook.Credentials;

class PlainLoginDecodingTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainWithoutAuthorizationId() {
        Credentials c = PlainExchange.decode(b("\0alice\0s3cret"));
        assertEquals("alice", c.username());
        assertEquals(Optional.empty(), c.authorizationId());
        assertArrayEquals("s3cret".toCharArray(), c.password());
        assertEquals("PLAIN", c.mechanism());
    }

    @Test
    void plainWithAuthorizationIdAndUtf8() {
        Credentials c = PlainExchange.decode(b("boss@example.com\0jürgen\0pässwörd"));
        assertEquals(Optional.of("boss@example.com"), c.authorizationId());
        assertEquals("jürgen", c.username());
        assertArrayEquals("pässwörd".toCharArray(), c.password());
    }

    @Test
    void malformedPlainMessagesAreRefused() {
        assertNull(PlainExchange.decode(b("alice\0secret")));       // one NUL
        assertNull(PlainExchange.decode(b("\0\0secret")));          // empty authcid
        assertNull(PlainExchange.decode(b("\0alice\0")));           // empty password
        assertNull(PlainExchange.decode(b("\0alice\0se\0cret")));   // three NULs
    }

    @Test
    void base64DecodingIsStrictAndEqualsSignIsEmpty() {
        assertArrayEquals(new byte[0], AuthFlow.decode("="));
        assertArrayEquals(b("alice"), AuthFlow.decode("YWxpY2U="));
        assertNull(AuthFlow.decode("YWxp Y2U="));
        assertNull(AuthFlow.decode("not*base64"));
    }

    @Test
    void theLoggedArgumentNeverHoldsTheInitialResponse() {
        assertEquals("PLAIN ***", AuthCommand.loggable("PLAIN AGFsaWNlAHNlY3JldA=="));
        assertEquals("LOGIN", AuthCommand.loggable("LOGIN"));
    }
}
