package org.mailroot.smtp;

import java.net.InetSocketAddress;
import java.util.Hashtable;
import java.util.List;
import org.mailroot.api.Listener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The service a bound virtual server registers so the launcher can print where it listens and
 * tests can use port 0: {@code mailroot.listener=<name>}, {@code mailroot.listener.port} (int)
 * , {@code mailroot.listener.addresses} (String[] host:port) and {@code mailroot.listener.tls}. Its object carries no API; only
 * the properties matter (registered as {@code java.lang.Object}).
 */
final class ListenerRegistration {
    /** Service property: none, starttls, starttls required or implicit (see {@link TlsPolicy}). */
    static final String PROPERTY_TLS = "mailroot.listener.tls";
    private final ServiceRegistration<Object> registration;

    ListenerRegistration(BundleContext context, ListenerSettings s, TlsPolicy tls, List<InetSocketAddress> bound) {
        registration = context.registerService(Object.class, new Object(), properties(s, tls, bound));
    }

    void update(ListenerSettings s, TlsPolicy tls, List<InetSocketAddress> bound) {
        registration.setProperties(properties(s, tls, bound));
    }

    void unregister() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping and the framework unregistered it first
        }
    }

    static Hashtable<String, Object> properties(ListenerSettings s, TlsPolicy tls, List<InetSocketAddress> bound) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(Listener.PROPERTY, s.name());
        p.put("mailroot.listener.serverName", s.serverName());
        p.put("mailroot.listener.paused", s.paused());
        p.put(PROPERTY_TLS, tls.describe());
        p.put(SmtpListener.PROPERTY_PORT, bound.isEmpty() ? s.port() : bound.get(0).getPort());
        p.put(SmtpListener.PROPERTY_ADDRESSES, bound.stream().map(ListenerRegistration::hostPort)
                .toArray(String[]::new));
        return p;
    }

    static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
