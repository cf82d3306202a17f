package org.mailroot.auth;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.mailroot.auth} ({@code etc/org.mailroot.auth.cfg}), shared by the bundle's components. */
@ObjectClassDefinition(name = "Mailroot authentication",
        description = "File user store, SASL PLAIN/LOGIN/SCRAM-SHA-256 (CRAM-MD5 opt-in), failed-attempt throttling, sender restriction")
public @interface AuthConfig {
    String PID = "org.mailroot.auth";
    String FILE = "etc/org.mailroot.auth.cfg";

    @AttributeDefinition(description = "The user file, relative to the instance folder (mailroot.base)")
    String usersFile() default "etc/users";

    @AttributeDefinition(description = "IIS default domain: appended to a bare user name (alice -> alice@domain); empty: none")
    String defaultDomain() default "";

    @AttributeDefinition(description = "Delay before the reply to the first failed AUTH from an address, in ms; doubles with each further failure (at most 30 s)")
    int failureDelayMillis() default 1000;

    @AttributeDefinition(description = "Failed AUTH attempts from one address before 421 and disconnect; the address is then refused for lockoutMinutes")
    int maxFailures() default 5;

    @AttributeDefinition(description = "How long failures are remembered and a locked-out address refused, in minutes")
    int lockoutMinutes() default 15;

    @AttributeDefinition(description = "Virtual servers on which an authenticated client may only use its own addresses in MAIL FROM (RFC 6409 §6.1)")
    String restrictSenderListeners() default "submission,smtps";

    @AttributeDefinition(description = "Offer CRAM-MD5 (RFC 2195) to accounts whose password was set while this was on, or with"
            + " 'user passwd --cram-md5'. Their file then holds a CRAM-MD5 secret that is password-equivalent for CRAM-MD5")
    boolean cramMd5() default false;
}
