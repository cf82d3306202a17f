package org.mailroot.delivery.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mailroot.api.Route;
import org.mailroot.api.delivery.Delivery;
import org.mailroot.api.delivery.DeliveryStatus;
import org.mailroot.api.delivery.DeliveryTransport;
import org.mailroot.api.delivery.Transport;
import org.mailroot.api.spool.Folder;
import org.mailroot.api.spool.Spool;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code local} transport: writes messages for local domains into the Drop folder, as an
 * IIS {@code .eml} file (default) or into Maildirs, in the subfolder a route may name
 * ({@link RouteParameters#FOLDER}). Every failure is temporary (4.3.0, RFC 3463
 * "other or undefined mail system status") so the spool retries; nothing is ever lost here.
 */
@Component(service = DeliveryTransport.class, configurationPid = LocalDeliveryConfig.PID)
@Designate(ocd = LocalDeliveryConfig.class)
@Transport(Route.LOCAL)
public class LocalDeliveryTransport implements DeliveryTransport {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDeliveryTransport.class);

    // Fetched lazily (see SpoolHandle); dynamic: the spool can be replaced under us.
    final SpoolHandle spool = new SpoolHandle();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSpool(ComponentServiceObjects<Spool> objects) {
        spool.bind(objects);
    }

    void unbindSpool(ComponentServiceObjects<Spool> objects) {
        spool.unbind(objects);
    }

    private final EmlWriter eml = new EmlWriter();
    private volatile MaildirWriter maildir;
    private volatile String format = LocalDeliveryConfig.EML;

    @Activate
    void activate(LocalDeliveryConfig config) {
        maildir = new MaildirWriter(hostName());
        modified(config);
    }

    @Modified
    void modified(LocalDeliveryConfig config) {
        String f = config.format() == null ? "" : config.format().strip().toLowerCase(Locale.ROOT);
        if (!f.equals(LocalDeliveryConfig.EML) && !f.equals(LocalDeliveryConfig.MAILDIR)) {
            LOG.error("{}: format='{}' is not one of eml, maildir; keeping {}",
                    LocalDeliveryConfig.PID, config.format(), format);
            return;
        }
        LOG.info("Local delivery format {}, acceptUnknownUsers={}", f, config.acceptUnknownUsers());
        format = f;
    }

    /** For tests and callers outside OSGi. */
    void configure(Spool spool, String format, String hostName) {
        this.spool.set(spool);
        this.format = format;
        this.maildir = new MaildirWriter(hostName);
    }

    @Override
    public List<DeliveryStatus> deliver(Delivery delivery) {
        List<Route> routes = delivery.routes();
        Spool s = spool.get();
        if (s == null) {
            return all(routes, "local delivery waits for the spool service");
        }
        Path drop = s.folder(Folder.DROP);
        if (LocalDeliveryConfig.MAILDIR.equals(format)) {
            return toMaildirs(drop, delivery, routes);
        }
        List<DeliveryStatus> result = new ArrayList<>(routes.size());
        // one file per Drop folder: routes without a folder parameter all share Drop/ itself
        Map<String, List<Route>> byFolder = new LinkedHashMap<>();
        for (Route r : routes) {
            byFolder.computeIfAbsent(folderOf(delivery, r), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Route>> group : byFolder.entrySet()) {
            String folder = group.getKey().isEmpty() ? null : group.getKey();
            try {
                eml.write(drop, folder, delivery, group.getValue());
                group.getValue().forEach(r -> result.add(DeliveryStatus.delivered(r)));
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Message {}: cannot write to {}, will retry: {}", delivery.envelope().id(),
                        folder == null ? drop : drop.resolve(folder), e.toString());
                result.addAll(all(group.getValue(), "cannot write to the Drop folder: " + e));
            }
        }
        return result;
    }

    /** The route's Drop subfolder, "" for none; an unsafe name is logged and ignored (see RouteParameters). */
    private static String folderOf(Delivery delivery, Route route) {
        if (RouteParameters.hasUnsafeFolder(route)) {
            LOG.warn("Message {}: route of {} names folder '{}', not a safe folder name; delivering without it",
                    delivery.envelope().id(), route.recipient().address(), route.parameters().get(RouteParameters.FOLDER));
        }
        String folder = RouteParameters.folder(route);
        return folder == null ? "" : folder;
    }

    private List<DeliveryStatus> toMaildirs(Path drop, Delivery delivery, List<Route> routes) {
        List<DeliveryStatus> result = new ArrayList<>(routes.size());
        for (Route route : routes) {
            String domain = RouteParameters.domain(route);
            String mailbox = RouteParameters.mailbox(route);
            if (!DomainNames.isValid(domain) || !Mailboxes.isSafeFolderName(mailbox)) {
                // RFC 3463 5.1.3: the address cannot name a mailbox folder; retrying will not help.
                result.add(DeliveryStatus.permanent(route, "5.1.3", "not a usable mailbox: " + mailbox + "@" + domain));
                continue;
            }
            try {
                maildir.write(drop, domain, mailbox, folderOf(delivery, route), delivery);
                result.add(DeliveryStatus.delivered(route));
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Message {}: cannot write Maildir {}/{}, will retry: {}",
                        delivery.envelope().id(), domain, mailbox, e.toString());
                result.add(DeliveryStatus.temporary(route, "4.3.0", "cannot write the Maildir: " + e));
            }
        }
        return result;
    }

    private static List<DeliveryStatus> all(List<Route> routes, String why) {
        List<DeliveryStatus> result = new ArrayList<>(routes.size());
        routes.forEach(r -> result.add(DeliveryStatus.temporary(r, "4.3.0", why)));
        return result;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost"; // only makes Maildir names less unique across hosts
        }
    }
}
