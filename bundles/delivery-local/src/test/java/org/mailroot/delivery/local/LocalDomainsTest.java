package org.mailroot.delivery.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalDomainsTest {
    private static LocalDomain d(String name, boolean alias, boolean isDefault) {
        return new LocalDomain(name, alias, isDefault, Set.of());
    }

    @Test
    void theMarkedDefaultWins() {
        DomainSet set = DomainSet.of(List.of(d("a.test", false, false), d("b.test", false, true)));
        assertEquals("b.test", set.defaultDomain().name());
        assertTrue(set.problems().isEmpty());
    }

    @Test
    void withoutADefaultTheFirstNonAliasDomainIsUsedAndReported() {
        DomainSet set = DomainSet.of(List.of(d("alias.test", true, false), d("a.test", false, false),
                d("b.test", false, false)));
        assertEquals("a.test", set.defaultDomain().name());
        assertEquals(1, set.problems().size());
        assertEquals("a.test", set.deliveryDomain(set.find("ALIAS.test")).name());
    }

    @Test
    void twoDefaultsAreReportedAndTheFirstIsUsed() {
        DomainSet set = DomainSet.of(List.of(d("a.test", false, true), d("b.test", false, true)));
        assertEquals("a.test", set.defaultDomain().name());
        assertFalse(set.problems().isEmpty());
    }

    @Test
    void noDomainsMeansNoDefault() {
        assertNull(DomainSet.of(List.of()).defaultDomain());
        assertNull(new LocalDomains().snapshot().find("example.com"));
    }

    @Test
    void configurationIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> DomainConfiguration.parse(Fakes.domain("bad_name", false, false)));
        assertThrows(IllegalArgumentException.class, () -> DomainConfiguration.parse(Fakes.domain("-a.test", false, false)));
        assertThrows(IllegalArgumentException.class, () -> DomainConfiguration.parse(Fakes.domain("a..test", false, false)));
        assertThrows(IllegalArgumentException.class, () -> DomainConfiguration.parse(Fakes.domain("", false, false)));
        assertThrows(IllegalArgumentException.class, () -> DomainConfiguration.parse(Fakes.domain("a.test", true, true)));
        assertThrows(IllegalArgumentException.class, () -> DomainConfiguration.parse(Fakes.domain("a.test", false, false, "x/y")));
        LocalDomain ok = DomainConfiguration.parse(Fakes.domain("Mail.Example.COM.", false, true, "Alice,bob", "carol"));
        assertEquals("mail.example.com", ok.name());
        assertEquals(Set.of("alice", "bob", "carol"), ok.mailboxes());
        assertEquals("xn--bcher-kva.example", DomainConfiguration.parse(Fakes.domain("xn--bcher-kva.example", false, false)).name());
        assertTrue(DomainNames.isValid("bücher.example"));
        assertTrue(DomainNames.isValid("localhost"));
    }
}
