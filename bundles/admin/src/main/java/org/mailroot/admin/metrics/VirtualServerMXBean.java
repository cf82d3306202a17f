package org.mailroot.admin.metrics;

/**
 * The IIS SMTP performance counters of one virtual server, in today's names:
 * {@code org.mailroot:type=VirtualServer,name=<name>}. An MXBean: plain open types, so jconsole,
 * VisualVM or a JMX exporter read it without any Mailroot class.
 */
public interface VirtualServerMXBean {
    /** IIS "Inbound Connections Current". */
    long getInboundConnectionsCurrent();

    /** IIS "Inbound Connections Total". */
    long getInboundConnectionsTotal();

    /** IIS "Messages Received Total". */
    long getMessagesReceivedTotal();

    /** IIS "Bytes Received Total": bytes read on closed connections, commands included. */
    long getBytesReceivedTotal();

    /** IIS "Messages Delivered Total" (per recipient). */
    long getMessagesDeliveredTotal();

    /** IIS "Message Delivery Retries". */
    long getMessageDeliveryRetries();

    /** IIS "Messages Failed Total" / NDR candidates (permanent failures). */
    long getMessagesFailedTotal();

    /** IIS "Local Queue Length": the one shared spool's Queue/, -1 while the spool is absent. */
    int getLocalQueueLength();

    /** running, paused, stopped (configured, not listening) or "-" (counted only, e.g. pickup). */
    String getState();
}
