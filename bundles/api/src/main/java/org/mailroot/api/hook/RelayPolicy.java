package org.mailroot.api.hook;

import org.mailroot.api.MailAddress;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Called at RCPT TO for a recipient no resolver claimed. Accept lets the server relay it over
 * SMTP; when every policy declines the recipient is refused with 550 5.7.1 (RFC 5321 §3.6.2,
 * RFC 3463), so that no plugin set-up ever makes an open relay by omission.
 */
@ConsumerType
public interface RelayPolicy {
    Verdict relay(SessionInfo session, MailAddress recipient);
}
