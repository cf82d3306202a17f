package org.mailroot.api;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that restricts a hook to one virtual server, by name:
 * {@code @Listener("submission")} on a component sets the service property
 * {@value #PROPERTY}{@code =submission}. A hook without the property serves every virtual
 * server.
 */
@ComponentPropertyType
public @interface Listener {
    /** The service property a listener matches against its own name. */
    String PROPERTY = "mailroot.listener";

    /** Makes the derived property name {@code mailroot.listener}. */
    String PREFIX_ = "mailroot.";

    /** The virtual server's name. */
    String value();
}
