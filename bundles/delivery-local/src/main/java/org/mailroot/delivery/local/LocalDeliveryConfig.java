package org.mailroot.delivery.local;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration PID {@value #PID}, shared by the transport (format) and the resolver
 * (acceptUnknownUsers): one file, {@code etc/org.mailroot.delivery.local.cfg}, describes local
 * delivery, so the definition lives here rather than nested in either component.
 */
@ObjectClassDefinition(name = "Mailroot local delivery",
        description = "How mail for local domains is written to the Drop folder")
public @interface LocalDeliveryConfig {
    String PID = "org.mailroot.delivery.local";
    String EML = "eml";
    String MAILDIR = "maildir";

    @AttributeDefinition(name = "Format", description = "eml: one IIS .eml file per message in"
            + " Drop/ with x-sender/x-receiver lines; maildir: Drop/<domain>/<user>/ (Maildir++)",
            options = {@Option(label = "IIS .eml", value = EML), @Option(label = "Maildir", value = MAILDIR)})
    String format() default EML;

    @AttributeDefinition(name = "Accept unknown users", description = "Accept any local part in a"
            + " local domain (IIS did). When false, only listed mailboxes or existing Maildir"
            + " folders are accepted; others get 550 5.1.1")
    boolean acceptUnknownUsers() default true;
}
