package org.mailroot.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Verdict;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.api.hook.Credentials;
import org.mailroot.auth.policy.SenderRestrictionProbe;
import org.mailroot.auth.store.ScramCredential;
import org.mailroot.auth.store.UserRecord;

/** The file authenticator, the IIS default domain and the sender restriction over one account set. */
class AccountsTest {
    private static final Users USERS = new Users(Map.of(
            "alice@example.com", new UserRecord("alice@example.com",
                    ScramCredential.create("s3cret".toCharArray(), 4096), List.of("sales@example.com")),
            "bob", new UserRecord("bob", ScramCredential.create("pw".toCharArray(), 4096), List.of())),
            "example.com");
    private final FileAuthenticator authenticator = new FileAuthenticator(UserDirectory.fixed(USERS));

    private static Credentials creds(String user, String password, String authz) {
        return new Credentials("PLAIN", Optional.ofNullable(authz), user, password.toCharArray());
    }

    @Test
    void bareNameGetsTheDefaultDomainAndTheCanonicalIdentity() {
        FakeSession s = new FakeSession("submission", null);
        assertEquals(Verdict.Kind.ACCEPT, authenticator.authenticate(s, creds("ALICE", "s3cret", null)).kind());
        assertEquals("alice@example.com", s.attributes().get(SaslStep.IDENTITY_ATTRIBUTE));
    }

    @Test
    void wrongPasswordRejectsUnknownUserDeclinesForeignAuthzidRejects() {
        FakeSession s = new FakeSession("submission", null);
        assertEquals(Verdict.Kind.REJECT, authenticator.authenticate(s, creds("alice", "nope", null)).kind());
        assertEquals(Verdict.Kind.DECLINE, authenticator.authenticate(s, creds("carol", "s3cret", null)).kind());
        assertEquals(Verdict.Kind.REJECT, authenticator.authenticate(s, creds("alice", "s3cret", "bob")).kind());
        assertEquals(Verdict.Kind.ACCEPT, authenticator.authenticate(s, creds("alice", "s3cret", "alice@example.com")).kind());
    }

    @Test
    void senderRestrictionAllowsOwnAddressesOnRestrictedListenersOnly() {
        var filter = SenderRestrictionProbe.of(UserDirectory.fixed(USERS), Set.of("submission"));
        FakeSession alice = new FakeSession("submission", "alice@example.com");
        assertEquals(Verdict.Kind.DECLINE, filter.mailFrom(alice, MailAddress.parse("Alice@example.com"), Map.of()).kind());
        assertEquals(Verdict.Kind.DECLINE, filter.mailFrom(alice, MailAddress.parse("sales@example.com"), Map.of()).kind());
        Verdict other = filter.mailFrom(alice, MailAddress.parse("ceo@example.com"), Map.of());
        assertEquals(Optional.of(553), other.code());
        assertEquals(Optional.of("5.7.1"), other.enhancedStatus());
        assertEquals(Verdict.Kind.REJECT, filter.mailFrom(alice, MailAddress.parse("<>"), Map.of()).kind());
        FakeSession bob = new FakeSession("submission", "bob");
        assertEquals(Verdict.Kind.DECLINE, filter.mailFrom(bob, MailAddress.parse("bob@example.com"), Map.of()).kind());
        assertEquals(Verdict.Kind.DECLINE, filter.mailFrom(new FakeSession("default", "alice@example.com"),
                MailAddress.parse("ceo@example.com"), Map.of()).kind(), "MX listener: not restricted");
        assertEquals(Verdict.Kind.DECLINE, filter.mailFrom(new FakeSession("submission", null),
                MailAddress.parse("ceo@example.com"), Map.of()).kind(), "unauthenticated: not its business");
    }
}
