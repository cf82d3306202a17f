package org.mailroot.api.hook;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type declaring that a hook answers from memory and never blocks (no disk,
 * DNS, LDAP or JDBC): {@code @NonBlocking} sets {@value #PROPERTY}{@code =true}, and the
 * listener may then call the hook on its network thread instead of handing the call to a worker,
 * which saves two thread switches per SMTP command. A hook that blocks while declaring this
 * stalls every session of its network thread; when in doubt, leave it out.
 */
@ComponentPropertyType
public @interface NonBlocking {
    /** The service property the listener reads. */
    String PROPERTY = "mailroot.hook.nonblocking";

    /** Makes the derived property name {@code mailroot.hook.nonblocking}. */
    String PREFIX_ = "mailroot.hook.";

    /** Whether the hook is non-blocking. */
    boolean nonblocking() default true;
}
