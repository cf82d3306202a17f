package org.mailroot.api.hook;

import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Called at the end of DATA (or the last BDAT chunk), before the message is spooled. Reject or
 * defer refuses the whole message; accept lets it through without asking the remaining filters;
 * decline lets it through and asks the next. Headers added by every filter called are kept.
 */
@ConsumerType
public interface MessageFilter {
    /**
     * @param envelope the envelope as it will be stored
     * @param content the message as received, before the Received header is added
     * @param headers where to add headers (prepended to the message)
     */
    Verdict filter(SessionInfo session, Envelope envelope, MessageContent content,
            AddedHeaders headers);
}
