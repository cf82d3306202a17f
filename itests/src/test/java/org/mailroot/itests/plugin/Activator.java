package org.mailroot.itests.plugin;

import java.util.Dictionary;
import java.util.Hashtable;
import org.mailroot.api.hook.MessageFilter;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/** Registers the filter with its own Bundle-Version; no DS, so the plugin needs only the API and the framework. */
public final class Activator implements BundleActivator {
    private ServiceRegistration<MessageFilter> registration;

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, 10);
        String version = context.getBundle().getVersion().toString();
        registration = context.registerService(MessageFilter.class, new VersionTagFilter(version), props);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }
}
