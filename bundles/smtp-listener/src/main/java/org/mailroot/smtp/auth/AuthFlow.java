package org.mailroot.smtp.auth;

import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.auth.AuthThrottle;
import org.mailroot.api.auth.SaslStep;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.command.Replies;
import org.mailroot.smtp.session.LineContinuation;
import org.mailroot.smtp.session.SessionContext;
import org.mailroot.smtp.session.SmtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AUTH exchange on the wire (RFC 4954 §4): 334 challenges, the client's base64 responses,
 * {@code *} to cancel, then 235, 535 or 454. Failures are reported to the throttle, whose delay
 * is applied by scheduling the reply on the event loop.
 */
final class AuthFlow implements LineContinuation {
    private static final Logger LOG = LoggerFactory.getLogger(AuthFlow.class);

    private final String mechanism;
    private final Exchange exchange;
    private final AuthServices services;
    /** A success whose additional data was sent as a 334; the empty answer completes it. */
    private String pendingIdentity;

    AuthFlow(String mechanism, Exchange exchange, AuthServices services) {
        this.mechanism = mechanism;
        this.exchange = exchange;
        this.services = services;
    }

    /** Starts with the AUTH command's initial response ({@code null} when none was sent). */
    CompletionStage<Reply> begin(SessionContext context, String initial) {
        if (initial == null) {
            return challenge(context, exchange.firstChallenge());
        }
        if (exchange.serverFirst()) {
            return done(AuthReplies.BAD_RESPONSE); // RFC 4954 §4: 501 for an initial response here
        }
        byte[] data = decode(initial);
        return data == null ? done(AuthReplies.BAD_BASE64) : respond(context, data);
    }

    @Override
    public CompletionStage<Reply> line(SessionContext context, String text) {
        if (text.equals("*")) {
            return done(AuthReplies.CANCELLED); // RFC 4954 §4: 501 after the client's cancel
        }
        byte[] data = decode(text);
        if (data == null) {
            return done(AuthReplies.BAD_BASE64); // RFC 4954 §4: 501 for undecodable base64
        }
        if (pendingIdentity != null) {
            // RFC 4954 §4: the answer to success data must be empty
            return data.length == 0 ? succeed(context, pendingIdentity) : done(AuthReplies.BAD_RESPONSE);
        }
        return respond(context, data);
    }

    private CompletionStage<Reply> respond(SessionContext context, byte[] data) {
        return exchange.evaluate(context, data).thenCompose(step -> outcome(context, step));
    }

    private CompletionStage<Reply> outcome(SessionContext context, SaslStep step) {
        return switch (step.kind()) {
            case CHALLENGE -> challenge(context, step.data().orElse(new byte[0]));
            case SUCCESS -> {
                String identity = step.identity().orElseThrow();
                if (step.data().isPresent()) {
                    pendingIdentity = identity;
                    yield challenge(context, step.data().get());
                }
                yield succeed(context, identity);
            }
            case FAILURE -> fail(context, step);
        };
    }

    private CompletionStage<Reply> challenge(SessionContext context, byte[] data) {
        context.continuation(this);
        return done(AuthReplies.challenge(data)); // RFC 4954 §4: 334 base64
    }

    private CompletionStage<Reply> succeed(SessionContext context, String identity) {
        SmtpSession session = context.session();
        session.authenticated(identity);
        LOG.info("[{}] AUTH {} succeeded: {} from {}", session.id(), mechanism, identity, session.clientIp());
        services.throttle().ifPresent(t -> {
            try {
                t.succeeded(session, identity);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("auth throttle failed: {}", e.toString());
            }
        });
        return done(AuthReplies.SUCCESS);
    }

    private CompletionStage<Reply> fail(SessionContext context, SaslStep step) {
        SmtpSession session = context.session();
        Reply reply = Replies.of(step.verdict().orElseThrow(), AuthReplies.INVALID,
                AuthReplies.INVALID, AuthReplies.TEMPORARY);
        LOG.info("[{}] AUTH {} failed for '{}' from {}: {}", session.id(), mechanism, exchange.user(),
                session.clientIp(), reply);
        if (reply.code() >= 500 && reply.code() != 501) { // syntax errors and 4xx are not guesses
            AuthThrottle.Penalty penalty = penalty(session);
            if (penalty.disconnect()) {
                reply = AuthReplies.TOO_MANY;
            }
            return context.later(reply, penalty.delay());
        }
        return done(reply);
    }

    private AuthThrottle.Penalty penalty(SmtpSession session) {
        try {
            return services.throttle().map(t -> t.failed(session, exchange.user()))
                    .orElse(AuthThrottle.Penalty.NONE);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("auth throttle failed: {}", e.toString());
            return AuthThrottle.Penalty.NONE;
        }
    }

    /** Strict base64; "=" is the empty response (RFC 4954 §4). Null when undecodable. */
    static byte[] decode(String text) {
        if (text.equals("=")) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static CompletionStage<Reply> done(Reply r) {
        return CompletableFuture.completedFuture(r);
    }
}
