package org.mailroot.delivery.local;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mailroot.api.MailAddress;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.NonBlocking;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.hook.Resolution;
import org.mailroot.api.spool.Folder;
import org.mailroot.api.spool.Spool;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The built-in recipient resolver: local domains are delivered by the {@code local} transport,
 * postmaster is always accepted, every other domain is declined so that the relay policies
 * decide (and refuse with 550 5.7.1 when none grants relaying). Ranked -100 so that any
 * integrator's resolver (LDAP, virtual users) is asked first.
 *
 * <p>{@link NonBlocking}: resolve() answers from memory only, so the listener calls it on its
 * network thread. With acceptUnknownUsers=false the Maildir folders are known from a scan
 * ({@link MaildirIndex}) at activation, at each configuration change and every
 * {@value #RESCAN_SECONDS} s on a background thread: a folder made by an administrator is
 * accepted within that time.
 */
@Component(service = RecipientResolver.class, configurationPid = LocalDeliveryConfig.PID,
        property = "service.ranking:Integer=-100")
@NonBlocking
public class LocalRecipientResolver implements RecipientResolver {
    static final long RESCAN_SECONDS = 30;

    @Reference
    LocalDomains domains;

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

    private volatile boolean acceptUnknownUsers = true;

    /** The last scan and the spool whose Drop/ it listed (the spool may be replaced). */
    private record Indexed(Spool spool, MaildirIndex.Scan scan) {
    }

    private volatile Indexed indexed;
    private final AtomicBoolean rescanRequested = new AtomicBoolean();
    private ScheduledExecutorService rescanner;

    @Activate
    @Modified
    synchronized void configure(LocalDeliveryConfig config) {
        acceptUnknownUsers = config.acceptUnknownUsers();
        if (rescanner == null) {
            rescanner = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mailroot-maildir-scan");
                t.setDaemon(true);
                return t;
            });
            rescanner.scheduleWithFixedDelay(this::refreshMailboxes, RESCAN_SECONDS,
                    RESCAN_SECONDS, TimeUnit.SECONDS);
        }
        if (spool.peek() != null) {
            refreshMailboxes(); // activation/config change: not on a network thread
        } else {
            // the first fetch of the spool may happen inside its own activation (see SpoolHandle):
            // on the scan thread instead; until it ends, unknown users are deferred, never refused
            rescanner.execute(this::refreshMailboxes);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (rescanner != null) {
            rescanner.shutdownNow();
            rescanner = null;
        }
    }

    /** Scans the Maildir folders now (only needed when unknown users are refused). */
    void refreshMailboxes() {
        rescanRequested.set(false);
        if (acceptUnknownUsers) {
            return;
        }
        Spool s = spool.get();
        if (s == null) {
            return;
        }
        try {
            indexed = new Indexed(s, MaildirIndex.scan(s.folder(Folder.DROP), domains.snapshot()));
        } catch (RuntimeException e) { // keep the scheduled scan alive
            indexed = null;
        }
    }

    /** The scan of the current spool's Drop/, or null (then a scan is requested in background). */
    private MaildirIndex.Scan scanOf(Spool s) {
        Indexed i = indexed;
        if (i != null && i.spool() == s) {
            return i.scan();
        }
        ScheduledExecutorService r = rescanner;
        if (r != null && rescanRequested.compareAndSet(false, true)) {
            try {
                r.execute(this::refreshMailboxes);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                rescanRequested.set(false);
            }
        }
        return null;
    }

    @Override
    public Resolution resolve(SessionInfo session, MailAddress recipient) {
        if (recipient.isNullSender()) {
            return Resolution.decline();
        }
        DomainSet set = domains.snapshot();
        LocalDomain domain = set.find(recipient.domain());
        if (Mailboxes.isPostmaster(recipient.localPart())
                && (domain != null || recipient.domain().equalsIgnoreCase(session.serverName()))) {
            return postmaster(set, session);
        }
        if (domain == null) {
            return Resolution.decline();
        }
        LocalDomain target = set.deliveryDomain(domain);
        String mailbox = Mailboxes.normalize(recipient.localPart());
        if (!Mailboxes.isSafeFolderName(mailbox)) {
            // RFC 5321 §4.2.2 553 "mailbox name not allowed"; RFC 3463 5.1.3 bad mailbox syntax.
            return Resolution.refuse(Verdict.reject(553, "5.1.3",
                    "Mailbox name not allowed here: " + recipient.localPart()));
        }
        if (!acceptUnknownUsers && !target.lists(mailbox)) {
            Spool s = spool.get();
            MaildirIndex.Scan scan = s == null ? null : scanOf(s);
            if (scan == null) {
                // RFC 5321 §4.5.3.1.10 style local error: the folders are not known yet, try later.
                return Resolution.refuse(Verdict.defer(451, "4.3.0",
                        "Mailbox lookup unavailable, try again later"));
            }
            if (!scan.contains(target.name(), mailbox)) {
                // RFC 5321 §3.3 / §4.2.2: 550 mailbox unavailable; RFC 3463 5.1.1 bad mailbox.
                return Resolution.refuse(Verdict.reject(550, "5.1.1",
                        "No such user here: " + recipient.address()));
            }
        }
        MailAddress routed = domain == target ? recipient : MailAddress.of(recipient.localPart(), target.name());
        return Resolution.accept(RouteParameters.localRoute(routed, mailbox, target.name()));
    }

    /**
     * RFC 5321 §4.5.1: postmaster (any case) must be accepted for every domain we serve and for
     * the server's own name; it is delivered to postmaster of the default domain (or of the
     * server name when no domain is configured at all).
     */
    private static Resolution postmaster(DomainSet set, SessionInfo session) {
        LocalDomain def = set.defaultDomain();
        String domain = def != null ? def.name() : LocalDomain.normalizeName(session.serverName());
        MailAddress target = MailAddress.of(Mailboxes.POSTMASTER, domain);
        return Resolution.accept(RouteParameters.localRoute(target, Mailboxes.POSTMASTER, domain));
    }
}
