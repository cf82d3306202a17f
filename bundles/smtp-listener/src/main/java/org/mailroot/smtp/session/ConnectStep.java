package org.mailroot.smtp.session;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.Verdict;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.hook.HookChains;
import org.mailroot.smtp.hook.HookRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection step: the reverse lookup (only with {@code reverseLookup=true}, as IIS's
 * "Perform reverse DNS lookup on incoming messages", off by default), then the connection
 * filters. It runs on a worker when the lookup is on or a filter may block, otherwise inline on
 * the event loop (no lookup, only {@code @NonBlocking} filters or none). Then the
 * greeting 220 (RFC 5321 §4.2, §3.1), or 554 and close on reject (§3.1), or 421 and close on
 * defer (§3.8; a connect-time deferral can only be 421).
 */
final class ConnectStep {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectStep.class);
    /** RFC 5321 §3.1: 554 instead of the greeting; RFC 3463 X.7.1. */
    static final Reply REFUSED = Reply.of(554, "5.7.1", "Connection refused").closing();
    /** RFC 5321 §3.8 421; RFC 3463 X.3.0 (a hook failed) unless the hook gave its own code. */
    static final Reply DEFERRED = Reply.of(421, "4.3.0", "Service not available, try again later").closing();

    private ConnectStep() {
    }

    static CompletionStage<Reply> run(SessionContext context) {
        SmtpSession session = context.session();
        var filters = context.hooks().connectionFilters();
        boolean lookup = context.settings().reverseLookup();
        return context.runHooks("CONNECT", !lookup && HookRef.allNonBlocking(filters), p -> {
            var address = session.remoteAddress().getAddress();
            if (lookup && address != null) {
                context.server().reverseName(address).ifPresent(session::reverseName);
            }
            return HookChains.verdict(filters, p, session, "CONNECT", f -> f.connect(session));
        }, HookChains.FAILED).thenApply(v -> reply(context, v)).exceptionally(e -> {
            // building the reply from the verdict failed (e.g. CR/LF in its text): never leave
            // the session in CONNECTING with the connection open (RFC 5321 §3.8 421)
            LOG.warn("[{}] CONNECT: bad connection filter verdict, closing: {}", session.id(), e.toString());
            return DEFERRED;
        });
    }

    private static Reply reply(SessionContext context, Verdict v) {
        return switch (v.kind()) {
            case ACCEPT, DECLINE -> {
                context.session().state(SessionState.GREETED);
                String banner = context.settings().banner();
                yield Reply.plain(220, List.of(context.settings().serverName() + " "
                        + (banner == null || banner.isBlank() ? "ESMTP Mailroot ready" : banner)));
            }
            case REJECT -> v.code().isPresent()
                    ? Reply.of(v.code().get(), v.enhancedStatus().orElse("5.7.1"), v.text().orElse("Connection refused")).closing()
                    : REFUSED;
            case DEFER -> Reply.of(421, v.enhancedStatus().orElse("4.3.0"),
                    v.text().orElse(DEFERRED.lines().get(0))).closing();
        };
    }
}
