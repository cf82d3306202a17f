package org.mailroot.api.hook;

import org.mailroot.api.MailAddress;
import org.mailroot.api.SessionInfo;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Called at RCPT TO to decide whether a recipient is served here and where it goes: local
 * mailbox(es), a forward, a group expansion or a relay next hop. The first resolver that does not
 * decline wins. When every resolver declines, the recipient is not local and the
 * {@link RelayPolicy} chain decides.
 */
@ConsumerType
public interface RecipientResolver {
    Resolution resolve(SessionInfo session, MailAddress recipient);
}
