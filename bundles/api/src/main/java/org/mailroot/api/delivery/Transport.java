package org.mailroot.api.delivery;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type naming a {@link DeliveryTransport}: {@code @Transport("local")} sets
 * the service property {@value DeliveryTransport#TRANSPORT}{@code =local}.
 */
@ComponentPropertyType
public @interface Transport {
    /** Makes the derived property name {@code mailroot.transport}. */
    String PREFIX_ = "mailroot.";

    /** The transport name that routes refer to. */
    String value();
}
