package org.mailroot.api.delivery;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Carries messages out of the spool for the routes that name it. Register with the service
 * property {@value #TRANSPORT} (use {@link Transport}).
 *
 * <p>Called on the spool's delivery threads, so it may block. It must return one status per
 * route it was given, in the order of {@link Delivery#routes()}; a route without a status is
 * retried later. If it throws, every route of the attempt is retried later (temporary
 * failure, 4.3.0); a transport never loses a message by failing.
 */
@ConsumerType
public interface DeliveryTransport {
    /** The service property holding the transport's name. */
    String TRANSPORT = "mailroot.transport";

    List<DeliveryStatus> deliver(Delivery delivery) throws Exception;
}
