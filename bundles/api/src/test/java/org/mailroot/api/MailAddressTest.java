package org.mailroot.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MailAddressTest {
    @Test
    void parsesWithAndWithoutBrackets() {
        MailAddress a = MailAddress.parse("<Alice@Example.COM>");
        assertEquals("Alice", a.localPart());
        assertEquals("example.com", a.domain());
        assertEquals(a, MailAddress.parse("Alice@example.com"));
    }

    @Test
    void nullSender() {
        assertTrue(MailAddress.parse("<>").isNullSender());
        assertEquals("<>", MailAddress.nullSender().toString());
    }

    @Test
    void quotedLocalPartSplitsAtLastAt() {
        MailAddress a = MailAddress.parse("<\"a@b\"@example.com>");
        assertEquals("\"a@b\"", a.localPart());
    }

    @Test
    void utf8Address() {
        assertEquals("bücher.example", MailAddress.parse("<jürgen@Bücher.example>").domain());
    }

    @Test
    void refusesNonMailboxes() {
        assertThrows(IllegalArgumentException.class, () -> MailAddress.parse("<nobody>"));
        assertThrows(IllegalArgumentException.class, () -> MailAddress.parse("a@"));
        assertThrows(IllegalArgumentException.class, () -> MailAddress.of("a", "b c"));
    }
}
