package org.mailroot.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mailroot.api.hook.Resolution;

class VerdictTest {
    @Test
    void replyCodeMustMatchKind() {
        assertThrows(IllegalArgumentException.class, () -> Verdict.defer(550, "5.7.1", "no"));
        assertThrows(IllegalArgumentException.class, () -> Verdict.reject(451, "4.3.0", "no"));
        assertThrows(IllegalArgumentException.class, () -> Verdict.accept(550, "5.0.0", "no"));
        assertEquals(451, Verdict.defer(451, "4.3.0", "later").code().orElseThrow());
    }

    @Test
    void disconnectKeepsReply() {
        Verdict v = Verdict.reject(554, "5.7.1", "go away").andDisconnect();
        assertTrue(v.disconnect());
        assertEquals(Verdict.Kind.REJECT, v.kind());
        assertEquals("go away", v.text().orElseThrow());
    }

    @Test
    void resolutionRoutesOnlyWhenAccepting() {
        Route r = Route.local(MailAddress.parse("a@example.com"));
        assertEquals(1, Resolution.accept(r).routes().size());
        assertThrows(IllegalArgumentException.class,
                () -> new Resolution(Verdict.decline(), java.util.List.of(r)));
        assertThrows(IllegalArgumentException.class, () -> Resolution.refuse(Verdict.accept()));
    }
}
