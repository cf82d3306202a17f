package org.mailroot.delivery.local;

import java.util.LinkedHashSet;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local domain per factory configuration {@code org.mailroot.domain~<name>.cfg}, as the
 * IIS "Domains" node. Registered as a service of this (private) class so that {@link
 * LocalDomains} collects them; an edit goes through {@link #modified} and keeps the service.
 */
@Component(service = DomainConfiguration.class, configurationPid = DomainConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DomainConfiguration.Config.class, factory = true)
public class DomainConfiguration {
    static final String PID = "org.mailroot.domain";
    private static final Logger LOG = LoggerFactory.getLogger(DomainConfiguration.class);

    @ObjectClassDefinition(name = "Mailroot local domain",
            description = "A domain whose mail is delivered to the Drop folder (IIS local domain)")
    public @interface Config {
        @AttributeDefinition(name = "Domain name", description = "The domain, e.g. example.com")
        String name();

        @AttributeDefinition(name = "Alias", description = "An alias domain delivers like the"
                + " default domain: user@alias goes to the default domain's user mailbox")
        boolean alias() default false;

        @AttributeDefinition(name = "Default", description = "The default domain: postmaster and"
                + " alias domains deliver here. At most one domain is the default.")
        boolean default$() default false;

        @AttributeDefinition(name = "Mailboxes", description = "Known mailbox names (local parts,"
                + " case-insensitive); a Maildir folder Drop/<domain>/<name>/ also makes one known",
                required = false)
        String[] mailboxes() default {};
    }

    private volatile LocalDomain domain;

    @Activate
    void activate(Config config) {
        // Refusing to activate leaves the domain out rather than guessing at a broken name.
        domain = parse(config);
        LOG.info("Local domain {} (alias={}, default={}, {} listed mailbox(es))", domain.name(),
                domain.alias(), domain.isDefault(), domain.mailboxes().size());
    }

    @Modified
    void modified(Config config) {
        try {
            LocalDomain next = parse(config);
            LOG.info("Local domain {} changed to {}", domain, next);
            domain = next;
        } catch (IllegalArgumentException e) {
            // Design §4: an invalid edit is refused and the old value stays in force.
            LOG.error("{}; keeping {}", e.getMessage(), domain);
        }
    }

    LocalDomain domain() {
        return domain;
    }

    static LocalDomain parse(Config config) {
        String name = config.name();
        if (!DomainNames.isValid(name)) {
            throw new IllegalArgumentException(PID + ": name='" + name + "' is not " + DomainNames.RULE);
        }
        if (config.alias() && config.default$()) {
            throw new IllegalArgumentException(PID + " " + name
                    + ": alias=true and default=true exclude each other (IIS: Alias or Default)");
        }
        Set<String> mailboxes = new LinkedHashSet<>();
        for (String entry : config.mailboxes()) {
            for (String part : entry.split(",")) {
                String mailbox = Mailboxes.normalize(part.strip());
                if (mailbox.isEmpty()) {
                    continue;
                }
                if (!Mailboxes.isSafeFolderName(mailbox)) {
                    throw new IllegalArgumentException(PID + " " + name + ": mailboxes entry '" + part
                            + "' is not a usable mailbox name (no /, \\, :, quotes, controls, leading dot)");
                }
                mailboxes.add(mailbox);
            }
        }
        return new LocalDomain(LocalDomain.normalizeName(name), config.alias(), config.default$(), mailboxes);
    }
}
