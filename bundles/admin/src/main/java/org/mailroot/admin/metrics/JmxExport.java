package org.mailroot.admin.metrics;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One {@link VirtualServerMXBean} per counted name in the platform MBean server, removed on close. */
public final class JmxExport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JmxExport.class);
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Set<ObjectName> registered = ConcurrentHashMap.newKeySet();
    private final TrafficCounters counters;
    private final Function<String, String> state;
    private final IntSupplier queueLength;

    public JmxExport(TrafficCounters counters, Function<String, String> state, IntSupplier queueLength) {
        this.counters = counters;
        this.state = state;
        this.queueLength = queueLength;
        counters.onNewListener(this::register);
    }

    public static ObjectName name(String listener) throws JMException {
        boolean plain = listener.matches("[A-Za-z0-9._@-]+");
        return new ObjectName("org.mailroot:type=VirtualServer,name=" + (plain ? listener : ObjectName.quote(listener)));
    }

    private void register(String listener) {
        try {
            ObjectName name = name(listener);
            ListenerCounters c = counters.of(listener);
            VirtualServerMXBean bean = new VirtualServerMXBean() {
                public long getInboundConnectionsCurrent() { return c.connectionsCurrent(); }
                public long getInboundConnectionsTotal() { return c.connectionsTotal(); }
                public long getMessagesReceivedTotal() { return c.messagesReceived(); }
                public long getBytesReceivedTotal() { return c.bytesReceived(); }
                public long getMessagesDeliveredTotal() { return c.delivered(); }
                public long getMessageDeliveryRetries() { return c.deferred(); }
                public long getMessagesFailedTotal() { return c.failed(); }
                public int getLocalQueueLength() { return queueLength.getAsInt(); }
                public String getState() { return state.apply(listener); }
            };
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // left by an earlier instance of this bundle
            }
            server.registerMBean(new StandardMBean(bean, VirtualServerMXBean.class, true), name);
            registered.add(name);
        } catch (JMException e) {
            LOG.warn("Cannot register the JMX counters of virtual server '{}': {}", listener, e.toString());
        }
    }

    @Override
    public void close() {
        counters.onNewListener(name -> { });
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("Cannot unregister {}", name, e);
            }
        }
        registered.clear();
    }
}
