package org.mailroot.api.auth;

import java.util.Objects;
import java.util.Optional;
import org.mailroot.api.Verdict;

/**
 * What a {@link SaslExchange} answers to one client response: another challenge ({@code 334}),
 * success with the authenticated identity ({@code 235 2.7.0}), or failure with a
 * {@link Verdict} (reject: {@code 535 5.7.8}; defer: {@code 454 4.7.0}; RFC 4954 §6).
 */
public final class SaslStep {
    /**
     * Session attribute under which an {@link org.mailroot.api.hook.Authenticator} that accepts
     * may put the canonical identity (a {@link String}); the listener reads and removes it.
     */
    public static final String IDENTITY_ATTRIBUTE = "mailroot.auth.identity";

    /** The three outcomes. */
    public enum Kind { CHALLENGE, SUCCESS, FAILURE }

    private final Kind kind;
    private final byte[] data;
    private final String identity;
    private final Verdict verdict;

    private SaslStep(Kind kind, byte[] data, String identity, Verdict verdict) {
        this.kind = kind;
        this.data = data;
        this.identity = identity;
        this.verdict = verdict;
    }

    /** Sends {@code data} (base64-encoded by the listener) in a 334 reply and waits for the answer. */
    public static SaslStep challenge(byte[] data) {
        return new SaslStep(Kind.CHALLENGE, data.clone(), null, null);
    }

    /** Authenticated as {@code identity}. */
    public static SaslStep success(String identity) {
        return success(identity, null);
    }

    /**
     * Authenticated, with additional data for the client (SCRAM's server-final message). RFC 4954
     * §4 has no room for it in the 235 reply: the listener sends it as a 334 challenge, expects
     * an empty response, and only then answers 235.
     */
    public static SaslStep success(String identity, byte[] additionalData) {
        Objects.requireNonNull(identity, "identity");
        return new SaslStep(Kind.SUCCESS, additionalData == null ? null : additionalData.clone(),
                identity, null);
    }

    /** Authentication failed: 535 5.7.8 (RFC 4954 §6). */
    public static SaslStep failure() {
        return failure(Verdict.reject());
    }

    /** Failed with a verdict: reject (5xx) or defer (4xx, e.g. a directory is unreachable). */
    public static SaslStep failure(Verdict verdict) {
        Objects.requireNonNull(verdict, "verdict");
        if (verdict.kind() == Verdict.Kind.ACCEPT || verdict.kind() == Verdict.Kind.DECLINE) {
            throw new IllegalArgumentException("a failure is a reject or a defer: " + verdict);
        }
        return new SaslStep(Kind.FAILURE, null, null, verdict);
    }

    public Kind kind() {
        return kind;
    }

    /** The challenge, or the additional data of a success; empty for a failure. */
    public Optional<byte[]> data() {
        return Optional.ofNullable(data).map(byte[]::clone);
    }

    /** The authenticated identity of a success. */
    public Optional<String> identity() {
        return Optional.ofNullable(identity);
    }

    /** The verdict of a failure. */
    public Optional<Verdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    @Override
    public String toString() {
        return kind + (identity == null ? "" : " " + identity) + (verdict == null ? "" : " " + verdict);
    }
}
