package org.mailroot.smtp.hook;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Route;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.RecipientResolver;
import org.mailroot.api.hook.RelayPolicy;
import org.mailroot.api.hook.Resolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition rules of design §3, run on a worker thread: chains stop at the first verdict
 * that is not a decline; a hook that throws or answers null yields {@link #FAILED} (a defer), so
 * a failing plugin never produces a 5xx. Recipients go to the resolvers first, then to the relay
 * policies, and are refused with 550 5.7.1 when everything declines (never an open relay).
 */
public final class HookChains {
    private static final Logger LOG = LoggerFactory.getLogger(HookChains.class);

    /** RFC 5321 §4.2.3 451 / RFC 3463 X.3.0: a hook failed; the client retries later. */
    public static final Verdict FAILED =
            Verdict.defer(451, "4.3.0", "Temporary local problem, try again later");

    /** RFC 5321 §3.6.2 (relaying is refused by default) with RFC 3463 X.7.1. */
    public static final Verdict RELAY_DENIED = Verdict.reject(550, "5.7.1", "Relaying denied");

    private HookChains() {
    }

    /** Runs a verdict chain; {@link Verdict#decline()} when every hook declines (or none exists). */
    public static <H> Verdict verdict(List<HookRef<H>> hooks, HookRunner.Progress progress,
            SessionInfo session, String step, Function<H, Verdict> call) {
        for (HookRef<H> ref : hooks) {
            progress.calling(ref.name());
            try {
                Verdict v = call.apply(ref.service());
                if (v == null) {
                    throw new IllegalStateException("hook returned no verdict");
                }
                if (v.kind() != Verdict.Kind.DECLINE) {
                    return v;
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("[{}] {} hook {} failed, deferring: {}", session.id(), step, ref.name(),
                        e.toString());
                return FAILED;
            }
        }
        return Verdict.decline();
    }

    /**
     * RFC 5321 §4.2.2 451 (a RCPT reply, §4.3.2) with RFC 3463 X.3.0: a relay policy is required but none is
     * bound now (its bundle is stopped or being updated). Temporary, so the client retries and good
     * mail is never bounced during an update; never an accept either (design §3).
     */
    public static final Verdict RELAY_UNAVAILABLE =
            Verdict.defer(451, "4.3.0", "Relay control not available, try again later");

    /** Resolvers, then relay policies; always a non-decline resolution. */
    public static Resolution recipient(HookSnapshot hooks, HookRunner.Progress progress,
            SessionInfo session, MailAddress recipient) {
        return recipient(hooks, progress, session, recipient, false);
    }

    /**
     * Resolvers, then relay policies; always a non-decline resolution. When every resolver
     * declines and no relay policy is bound: 550 5.7.1, or 451 4.3.0 if {@code relayRequired}.
     */
    public static Resolution recipient(HookSnapshot hooks, HookRunner.Progress progress,
            SessionInfo session, MailAddress recipient, boolean relayRequired) {
        for (HookRef<RecipientResolver> ref : hooks.resolvers()) {
            progress.calling(ref.name());
            try {
                Resolution r = ref.service().resolve(session, recipient);
                if (r == null) {
                    throw new IllegalStateException("resolver returned no resolution");
                }
                if (r.verdict().kind() != Verdict.Kind.DECLINE) {
                    return r;
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("[{}] RCPT resolver {} failed, deferring: {}", session.id(), ref.name(),
                        e.toString());
                return Resolution.refuse(FAILED);
            }
        }
        List<HookRef<RelayPolicy>> policies = hooks.relayPolicies();
        if (relayRequired && policies.isEmpty()) {
            RelayAbsence.log(session, recipient);
            return Resolution.refuse(RELAY_UNAVAILABLE);
        }
        Verdict v = verdict(policies, progress, session, "RCPT relay",
                p -> p.relay(session, recipient));
        return switch (v.kind()) {
            case ACCEPT -> Resolution.accept(new Route(Route.SMTP, recipient, Map.of()));
            case DECLINE -> Resolution.refuse(RELAY_DENIED);
            default -> Resolution.refuse(v);
        };
    }
}
