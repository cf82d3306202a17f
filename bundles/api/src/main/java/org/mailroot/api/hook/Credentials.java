package org.mailroot.api.hook;

import java.util.Objects;
import java.util.Optional;

/**
 * What a client proved in AUTH for a password mechanism (PLAIN, LOGIN).
 *
 * @param mechanism the SASL mechanism name in upper case
 * @param authorizationId the identity to act as (RFC 4616), when different from the user
 * @param username the authentication identity as given
 * @param password the password; callers clear the array after the chain returns
 */
public record Credentials(String mechanism, Optional<String> authorizationId, String username,
        char[] password) {
    public Credentials {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        authorizationId = authorizationId == null ? Optional.empty() : authorizationId;
    }

    @Override
    public String toString() {
        return "Credentials[" + mechanism + " " + username + "]";
    }
}
