package org.mailroot.api.hook;

import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Called once when a client connects, before the greeting. Reject or defer to refuse the
 * connection (the server replies 554 or 421 and closes, RFC 5321 §3.1).
 */
@ConsumerType
public interface ConnectionFilter {
    Verdict connect(SessionInfo session);
}
