package org.mailroot.tls;

import java.util.Hashtable;
import org.mailroot.api.tls.TlsProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The TlsProvider service, registered by hand so its properties
 * ({@value TlsProvider#PROPERTY_CERTIFICATE}, {@value TlsProvider#PROPERTY_GENERATED}) can follow
 * a reload: bnd 7.1 refuses DS 1.5 Map-returning activate/modified methods.
 */
final class ProviderRegistration {
    private final ServiceRegistration<TlsProvider> registration;

    ProviderRegistration(BundleContext context, TlsProvider provider, TlsState state) {
        registration = context.registerService(TlsProvider.class, provider, properties(state));
    }

    void update(TlsState state) {
        try {
            registration.setProperties(properties(state));
        } catch (IllegalStateException unregistered) {
            // stopping
        }
    }

    void unregister() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregistered it first (bundle stopping)
        }
    }

    static Hashtable<String, Object> properties(TlsState state) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(TlsProvider.PROPERTY_CERTIFICATE, state.description());
        p.put(TlsProvider.PROPERTY_GENERATED, state.generated());
        return p;
    }
}
