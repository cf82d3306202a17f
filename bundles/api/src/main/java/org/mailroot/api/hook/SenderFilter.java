package org.mailroot.api.hook;

import java.util.Map;
import org.mailroot.api.MailAddress;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.osgi.annotation.versioning.ConsumerType;

/** Called at MAIL FROM, after the server has parsed and checked the command. */
@ConsumerType
public interface SenderFilter {
    /**
     * @param sender the reverse-path; {@link MailAddress#isNullSender()} for bounces
     * @param parameters the MAIL parameters, keys in upper case ({@code SIZE}, {@code BODY},
     *        {@code RET}, {@code ENVID}, {@code SMTPUTF8}); values as given, null for flags
     */
    Verdict mailFrom(SessionInfo session, MailAddress sender, Map<String, String> parameters);
}
