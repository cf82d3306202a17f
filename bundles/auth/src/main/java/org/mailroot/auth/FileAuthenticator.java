package org.mailroot.auth;

import java.util.Locale;
import java.util.Optional;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.api.hook.Authenticator;
import org.mailroot.api.hook.Credentials;
import org.mailroot.auth.store.Scram;
import org.mailroot.auth.store.ScramCredential;
import org.mailroot.auth.store.UserRecord;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * PLAIN/LOGIN against the user file: PBKDF2 of the given password must give the account's
 * StoredKey. Runs on the listener's worker (slow by design). An unknown user declines (a later
 * authenticator, such as an LDAP bind, may know it) after the same amount of hashing, so timing
 * does not tell which names exist; a wrong password rejects (535 5.7.8).
 */
@Component(service = Authenticator.class, property = "service.ranking:Integer=-100")
public final class FileAuthenticator implements Authenticator {
    /**
     * A credential to hash against when the user is unknown (equal cost, no enumeration). Made on
     * first use, on a worker: its PBKDF2 must not delay activation (DS/Configuration Admin thread).
     */
    private static final class Decoy {
        static final ScramCredential CREDENTIAL = ScramCredential.create("decoy".toCharArray(), Scram.DEFAULT_ITERATIONS);
    }

    @Reference
    private UserDirectory directory;

    public FileAuthenticator() {
    }

    FileAuthenticator(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Verdict authenticate(SessionInfo session, Credentials credentials) {
        Optional<UserRecord> user = directory.users().find(credentials.username());
        if (user.isEmpty()) {
            Decoy.CREDENTIAL.matches(credentials.password());
            return Verdict.decline();
        }
        UserRecord r = user.get();
        if (!r.credential().matches(credentials.password())) {
            return Verdict.reject();
        }
        // RFC 4616 §2: acting as another identity is not offered; only one's own is allowed
        Optional<String> authz = credentials.authorizationId();
        if (authz.isPresent() && directory.users().find(authz.get()).map(UserRecord::name)
                .filter(r.name()::equals).isEmpty()
                && !authz.get().toLowerCase(Locale.ROOT).equals(r.name())) {
            return Verdict.reject();
        }
        session.attributes().put(SaslStep.IDENTITY_ATTRIBUTE, r.name());
        return Verdict.accept();
    }
}
