package org.mailroot.auth.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailroot.api.MailAddress;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.NonBlocking;
import org.mailroot.api.hook.SenderFilter;
import org.mailroot.auth.AuthConfig;
import org.mailroot.auth.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * On the configured virtual servers (submission by default), an authenticated client may only
 * use its own addresses in MAIL FROM: its identity when it is an address, plus the aliases of its
 * account. Anything else, the null sender included, is refused with 553 5.7.1 (RFC 6409 §6.1,
 * RFC 4954 §4). Unauthenticated sessions and other virtual servers are not its business.
 */
@Component(service = SenderFilter.class, configurationPid = AuthConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "service.ranking:Integer=-100")
@NonBlocking
public final class SenderRestriction implements SenderFilter {
    /** RFC 6409 §6.1 / RFC 5321 §4.2.2 553, RFC 3463 X.7.1: not authorised to use that sender. */
    static final Verdict NOT_YOURS = Verdict.reject(553, "5.7.1", "Sender address not owned by the authenticated user");

    @Reference
    private UserDirectory directory;
    private volatile Set<String> listeners = Set.of("submission", "smtps");

    public SenderRestriction() {
    }

    SenderRestriction(UserDirectory directory, Set<String> listeners) {
        this.directory = directory;
        this.listeners = listeners;
    }

    @Activate
    @Modified
    void configure(AuthConfig config) {
        listeners = Set.copyOf(Arrays.stream(config.restrictSenderListeners().split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    @Override
    public Verdict mailFrom(SessionInfo session, MailAddress sender, Map<String, String> parameters) {
        Optional<String> user = session.authenticatedUser();
        if (user.isEmpty() || !listeners.contains(session.listenerName())) {
            return Verdict.decline();
        }
        if (sender.isNullSender()) {
            return NOT_YOURS;
        }
        String address = sender.address().toLowerCase(Locale.ROOT);
        return directory.users().addresses(user.get()).contains(address) ? Verdict.decline() : NOT_YOURS;
    }
}
