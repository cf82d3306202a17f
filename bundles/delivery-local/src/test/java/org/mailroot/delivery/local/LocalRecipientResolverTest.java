package org.mailroot.delivery.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Route;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.Resolution;

class LocalRecipientResolverTest {
    @TempDir
    Path root;

    private final SessionInfo session = Fakes.session("mx.server.test");
    private final LocalRecipientResolver resolver = new LocalRecipientResolver();

    @BeforeEach
    void setUp() {
        LocalDomains domains = new LocalDomains();
        domains.put(1, DomainConfiguration.parse(Fakes.domain("other.net", false, false)));
        domains.put(2, DomainConfiguration.parse(Fakes.domain("Example.COM", false, true, "alice, Dave")));
        domains.put(3, DomainConfiguration.parse(Fakes.domain("alias.org", true, false)));
        resolver.domains = domains;
        resolver.spool.set(Fakes.spool(root));
        resolver.configure(Fakes.config("eml", true));
    }

    @AfterEach
    void tearDown() {
        resolver.deactivate();
    }

    private Resolution resolve(String address) {
        return resolver.resolve(session, MailAddress.parse(address));
    }

    private static Route onlyRoute(Resolution r) {
        assertEquals(Verdict.Kind.ACCEPT, r.verdict().kind(), r.verdict().toString());
        assertEquals(1, r.routes().size());
        return r.routes().get(0);
    }

    @Test
    void acceptsAnyUserOfALocalDomainByDefault() {
        Route route = onlyRoute(resolve("bob@example.com"));
        assertEquals(Route.LOCAL, route.transport());
        assertEquals("bob@example.com", route.recipient().address());
        assertEquals(Map.of("mailbox", "bob", "domain", "example.com"), route.parameters());
    }

    @Test
    void localPartKeepsItsCaseButTheMailboxIsLowerCase() {
        Route route = onlyRoute(resolve("Bob@EXAMPLE.com"));
        assertEquals("Bob@example.com", route.recipient().address());
        assertEquals("bob", route.parameters().get("mailbox"));
    }

    @Test
    void aliasDomainDeliversToTheDefaultDomain() {
        Route route = onlyRoute(resolve("carol@alias.org"));
        assertEquals("carol@example.com", route.recipient().address());
        assertEquals("example.com", route.parameters().get("domain"));
    }

    @Test
    void postmasterOfAnyLocalDomainOrTheServerNameGoesToTheDefaultDomain() {
        for (String a : new String[] {"postmaster@other.net", "PostMaster@alias.org",
                "postmaster@example.com", "postmaster@MX.server.test"}) {
            Route route = onlyRoute(resolve(a));
            assertEquals("postmaster@example.com", route.recipient().address(), a);
            assertEquals("postmaster", route.parameters().get("mailbox"), a);
        }
    }

    @Test
    void remoteDomainsAreDeclinedEvenForPostmaster() {
        assertEquals(Verdict.Kind.DECLINE, resolve("bob@remote.example").verdict().kind());
        assertEquals(Verdict.Kind.DECLINE, resolve("postmaster@remote.example").verdict().kind());
    }

    @Test
    void unknownUsersAreRejectedWhenConfigured() {
        resolver.configure(Fakes.config("eml", false));
        Verdict v = resolve("bob@example.com").verdict();
        assertEquals(Verdict.Kind.REJECT, v.kind());
        assertEquals(Optional.of(550), v.code());
        assertEquals(Optional.of("5.1.1"), v.enhancedStatus());
        assertEquals(Verdict.Kind.REJECT, resolve("bob@alias.org").verdict().kind());
    }

    @Test
    void listedMailboxesAreKnownCaseInsensitivelyAlsoThroughAliases() {
        resolver.configure(Fakes.config("eml", false));
        onlyRoute(resolve("ALICE@example.com"));
        onlyRoute(resolve("dave@example.com"));
        assertEquals("alice@example.com", onlyRoute(resolve("alice@alias.org")).recipient().address());
        assertEquals(Verdict.Kind.REJECT, resolve("alice@other.net").verdict().kind());
        onlyRoute(resolve("postmaster@other.net"));
    }

    @Test
    void anExistingMaildirFolderMakesAUserKnown() throws Exception {
        Files.createDirectories(root.resolve("Drop/example.com/bob"));
        resolver.configure(Fakes.config("eml", false)); // scans
        onlyRoute(resolve("Bob@example.com"));
        onlyRoute(resolve("bob@alias.org"));
    }

    @Test
    void resolveNeverTouchesTheDiskANewFolderIsKnownFromTheNextScan() throws Exception {
        resolver.configure(Fakes.config("eml", false));
        Files.createDirectories(root.resolve("Drop/example.com/erin"));
        Files.createDirectories(root.resolve("Drop/remote.example/frank")); // not a local domain
        Files.writeString(root.resolve("Drop/example.com.eml"), "x");
        assertEquals(Verdict.Kind.REJECT, resolve("erin@example.com").verdict().kind());
        resolver.refreshMailboxes(); // what the background thread does every 30 s
        onlyRoute(resolve("erin@example.com"));
        Files.delete(root.resolve("Drop/example.com/erin"));
        onlyRoute(resolve("erin@example.com")); // still the scan's answer
        resolver.refreshMailboxes();
        assertEquals(Verdict.Kind.REJECT, resolve("erin@example.com").verdict().kind());
    }

    @Test
    void aNewSpoolIsDeferredUntilItsDropFolderWasScanned() throws Exception {
        resolver.configure(Fakes.config("eml", false));
        Path other = Files.createTempDirectory(root, "other");
        Files.createDirectories(other.resolve("Drop/example.com/bob"));
        resolver.spool.set(Fakes.spool(other));
        Verdict v = resolve("bob@example.com").verdict();
        assertEquals(Verdict.Kind.DEFER, v.kind(), v.toString());
        assertEquals(Optional.of("4.3.0"), v.enhancedStatus(), v.toString());
        resolver.refreshMailboxes();
        onlyRoute(resolve("bob@example.com"));
    }

    @Test
    void theResolverDeclaresItselfNonBlocking() {
        assertTrue(nonBlockingInComponentXml(), "DS descriptor without mailroot.hook.nonblocking");
    }

    private static boolean nonBlockingInComponentXml() {
        try (var in = LocalRecipientResolver.class.getClassLoader().getResourceAsStream(
                "OSGI-INF/" + LocalRecipientResolver.class.getName() + ".xml")) {
            return in != null && new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("mailroot.hook.nonblocking");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void withoutTheSpoolUnknownUsersAreDeferredNotRejected() {
        resolver.configure(Fakes.config("eml", false));
        resolver.spool.set(null);
        Verdict v = resolve("bob@example.com").verdict();
        assertEquals(Verdict.Kind.DEFER, v.kind());
        assertEquals(Optional.of("4.3.0"), v.enhancedStatus());
        onlyRoute(resolve("alice@example.com"));
    }

    @Test
    void mailboxNamesThatCannotBeFoldersAreRefused() {
        Verdict v = resolve("\"../x\"@example.com").verdict();
        assertEquals(Verdict.Kind.REJECT, v.kind());
        assertEquals(Optional.of("5.1.3"), v.enhancedStatus());
    }

    @Test
    void withoutAnyDomainPostmasterOfTheServerNameIsStillAccepted() {
        resolver.domains = new LocalDomains();
        assertEquals("postmaster@mx.server.test",
                onlyRoute(resolve("postmaster@mx.server.test")).recipient().address());
        assertTrue(resolve("bob@mx.server.test").verdict().kind() == Verdict.Kind.DECLINE);
    }
}
