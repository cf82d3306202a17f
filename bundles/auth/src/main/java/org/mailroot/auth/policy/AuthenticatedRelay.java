package org.mailroot.auth.policy;

import org.mailroot.api.MailAddress;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.NonBlocking;
import org.mailroot.api.hook.RelayPolicy;
import org.mailroot.auth.AuthConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

/**
 * IIS's "Allow all computers which successfully authenticate to relay" (on by default there):
 * an authenticated session may send to any domain; everyone else is left to the other relay
 * policies (and refused when all decline). Never an open relay: no AUTH, no opinion.
 */
@Component(service = RelayPolicy.class, configurationPid = AuthConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "service.ranking:Integer=-100")
@NonBlocking
public final class AuthenticatedRelay implements RelayPolicy {
    private volatile boolean enabled = true;

    @Activate
    @Modified
    void configure(AuthConfig config) {
        enabled = config.relayForAuthenticated();
    }

    @Override
    public Verdict relay(SessionInfo session, MailAddress recipient) {
        return enabled && session.authenticatedUser().isPresent() ? Verdict.accept() : Verdict.decline();
    }
}
