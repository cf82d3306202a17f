package org.mailroot.api.hook;

import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Called at AUTH with the credentials of a password mechanism. Accept authenticates the
 * session; reject fails the attempt (535 5.7.8, RFC 4954 §6); defer is a temporary failure
 * (454 4.7.0) such as an unreachable directory.
 */
@ConsumerType
public interface Authenticator {
    Verdict authenticate(SessionInfo session, Credentials credentials);
}
