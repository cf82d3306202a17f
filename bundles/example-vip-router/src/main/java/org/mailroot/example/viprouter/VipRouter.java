package org.mailroot.example.viprouter;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Route;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.hook.NonBlocking;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.hook.Resolution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Example recipient router: every {@code *@vip.example} recipient is accepted and delivered by
 * the built-in {@code local} transport into the Drop subfolder {@code vip} (the route parameter
 * {@code folder}); every other recipient is declined, so the next resolver decides.
 *
 * <p>Ranked 10, above the built-in local resolver (-100): we are asked first. Answers from
 * memory, so it declares {@link NonBlocking} and runs on the network thread. Configured by
 * {@code etc/org.mailroot.example.viprouter.cfg}; a {@code mailroot.listener=<name>} line there
 * restricts it to one virtual server (configuration properties become service properties).
 */
@Component(service = RecipientResolver.class, configurationPid = VipRouter.PID)
@Designate(ocd = VipRouter.Config.class)
@ServiceRanking(10)
@NonBlocking
public class VipRouter implements RecipientResolver {
    static final String PID = "org.mailroot.example.viprouter";
    private static final Logger LOG = LoggerFactory.getLogger(VipRouter.class);
    // RFC 1035 labels; the folder must stay one safe directory name inside Drop/.
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    @ObjectClassDefinition(name = "Mailroot example: VIP router",
            description = "Files mail for one domain in a Drop subfolder")
    public @interface Config {
        @AttributeDefinition(name = "Domain", description = "Recipients of this domain are routed (case-insensitive)")
        String domain() default "vip.example";

        @AttributeDefinition(name = "Folder", description = "Drop subfolder (a Maildir++ folder in maildir format)")
        String folder() default "vip";
    }

    /** Domain and folder change together, so one immutable pair behind one volatile field. */
    private record Settings(String domain, String folder) {
    }

    private volatile Settings settings = new Settings("vip.example", "vip");

    @Activate
    @Modified
    void configure(Config config) {
        String domain = config.domain().strip().toLowerCase(Locale.ROOT);
        String folder = config.folder().strip();
        Settings old = settings;
        // CONVENTIONS "Invalid configuration": refuse, name file/key/range, keep the old value.
        if (!DOMAIN.matcher(domain).matches()) {
            refuse("domain", config.domain(), "a domain name", old.domain());
            domain = old.domain();
        }
        if (!FOLDER.matcher(folder).matches()) {
            refuse("folder", config.folder(), "1-64 of A-Z a-z 0-9 . _ -, not starting with a dot", old.folder());
            folder = old.folder();
        }
        settings = new Settings(domain, folder);
        LOG.info("VIP router: *@{} goes to Drop folder {}", domain, folder);
    }

    private static void refuse(String key, String value, String allowed, String kept) {
        LOG.error("Invalid configuration {} (etc/{}.cfg): {}={}; allowed: {}; keeping {}",
                PID, PID, key, value, allowed, kept);
    }

    @Override
    public Resolution resolve(SessionInfo session, MailAddress recipient) {
        Settings s = settings; // one read: domain and folder from the same configuration
        if (recipient.isNullSender() || !recipient.domain().equals(s.domain())) {
            return Resolution.decline(); // not ours: the local resolver, LDAP... decide
        }
        // Only the transport name and its parameters: the local transport derives the mailbox
        // from the recipient, and the route is persisted with the message in Queue/.
        return Resolution.accept(new Route(Route.LOCAL, recipient, Map.of("folder", s.folder())));
    }
}
