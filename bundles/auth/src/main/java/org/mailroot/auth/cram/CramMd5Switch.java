package org.mailroot.auth.cram;

import java.util.Dictionary;
import java.util.Hashtable;
import org.mailroot.api.auth.SaslMechanism;
import org.mailroot.api.hook.NonBlocking;
import org.mailroot.auth.AuthConfig;
import org.mailroot.auth.UserDirectory;
import org.mailroot.auth.Users;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cramMd5=true|false} (default false): registers the CRAM-MD5 {@link SaslMechanism} only
 * while it is on, so EHLO lists it only then (and, as every mechanism, only over TLS unless the
 * listener allows plaintext AUTH). Switching it applies live; open exchanges finish.
 */
@Component(configurationPid = AuthConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class CramMd5Switch {
    private static final Logger LOG = LoggerFactory.getLogger(CramMd5Switch.class);

    @Reference
    private UserDirectory directory;

    private BundleContext context;
    private ServiceRegistration<SaslMechanism> registration;

    @Activate
    void activate(AuthConfig config, BundleContext bundleContext) {
        this.context = bundleContext;
        apply(config);
    }

    @Modified
    void modified(AuthConfig config) {
        apply(config);
    }

    @Deactivate
    synchronized void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    private synchronized void apply(AuthConfig config) {
        if (config.cramMd5() && registration == null) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(Constants.SERVICE_RANKING, -100); // built-in: a plugin of the same name wins
            props.put(NonBlocking.PROPERTY, Boolean.TRUE);
            registration = context.registerService(SaslMechanism.class, new CramMd5Mechanism(directory), props);
            Users users = directory.users();
            long with = users.byName().values().stream().filter(r -> r.cram().isPresent()).count();
            LOG.info("CRAM-MD5 offered (cramMd5=true): {} of {} accounts have a CRAM-MD5 secret; others set it"
                    + " with 'bin/mailroot user passwd --cram-md5 NAME'", with, users.byName().size());
        } else if (!config.cramMd5() && registration != null) {
            registration.unregister();
            registration = null;
            LOG.info("CRAM-MD5 no longer offered (cramMd5=false)");
        }
    }
}
