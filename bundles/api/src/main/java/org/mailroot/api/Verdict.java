package org.mailroot.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a hook says: the single verdict vocabulary of every extension point.
 *
 * <ul>
 * <li>{@link Kind#ACCEPT}: stop the chain, the step succeeds;</li>
 * <li>{@link Kind#DECLINE}: no opinion, ask the next hook;</li>
 * <li>{@link Kind#REJECT}: stop the chain, permanent failure (5xx);</li>
 * <li>{@link Kind#DEFER}: stop the chain, temporary failure (4xx).</li>
 * </ul>
 *
 * A verdict may carry its own reply (code, RFC 3463 enhanced status code, text) and may ask the
 * server to close the connection after replying. When no reply is given the server uses the
 * RFC 5321 reply that fits the step. A reply code that contradicts the kind (a 4xx on a reject,
 * say) is refused at construction, so a plugin can never turn a deferral into a bounce.
 */
public final class Verdict {
    /** The four outcomes of a hook. */
    public enum Kind { ACCEPT, DECLINE, REJECT, DEFER }

    private static final Verdict ACCEPT = new Verdict(Kind.ACCEPT, 0, null, null, false);
    private static final Verdict DECLINE = new Verdict(Kind.DECLINE, 0, null, null, false);

    private final Kind kind;
    private final int code;
    private final String enhancedStatus;
    private final String text;
    private final boolean disconnect;

    private Verdict(Kind kind, int code, String enhancedStatus, String text, boolean disconnect) {
        this.kind = kind;
        this.code = code;
        this.enhancedStatus = enhancedStatus;
        this.text = text;
        this.disconnect = disconnect;
    }

    public static Verdict accept() {
        return ACCEPT;
    }

    public static Verdict decline() {
        return DECLINE;
    }

    /** Accept with a reply of the hook's own (a 2xx code). */
    public static Verdict accept(int code, String enhancedStatus, String text) {
        return of(Kind.ACCEPT, code, enhancedStatus, text);
    }

    /** Permanent failure with the server's default 5xx reply for the step. */
    public static Verdict reject() {
        return new Verdict(Kind.REJECT, 0, null, null, false);
    }

    /** Permanent failure with a reply of the hook's own; {@code code} must be 5xx. */
    public static Verdict reject(int code, String enhancedStatus, String text) {
        return of(Kind.REJECT, code, enhancedStatus, text);
    }

    /** Temporary failure with the server's default 4xx reply for the step. */
    public static Verdict defer() {
        return new Verdict(Kind.DEFER, 0, null, null, false);
    }

    /** Temporary failure with a reply of the hook's own; {@code code} must be 4xx. */
    public static Verdict defer(int code, String enhancedStatus, String text) {
        return of(Kind.DEFER, code, enhancedStatus, text);
    }

    private static Verdict of(Kind kind, int code, String enhancedStatus, String text) {
        int expected = switch (kind) {
            case ACCEPT -> 2;
            case REJECT -> 5;
            case DEFER -> 4;
            case DECLINE -> throw new IllegalArgumentException("decline carries no reply");
        };
        if (code / 100 != expected || code > 599) {
            throw new IllegalArgumentException(kind + " needs a " + expected + "xx code, got " + code);
        }
        return new Verdict(kind, code, enhancedStatus, Objects.requireNonNull(text, "text"), false);
    }

    /** The same verdict, asking the server to close the connection after the reply. */
    public Verdict andDisconnect() {
        return new Verdict(kind, code, enhancedStatus, text, true);
    }

    public Kind kind() {
        return kind;
    }

    /** The hook's own reply code, or empty to let the server choose. */
    public Optional<Integer> code() {
        return code == 0 ? Optional.empty() : Optional.of(code);
    }

    /** The RFC 3463 enhanced status code ({@code "5.7.1"}), or empty. */
    public Optional<String> enhancedStatus() {
        return Optional.ofNullable(enhancedStatus);
    }

    /** The reply text, or empty to let the server choose. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    public boolean disconnect() {
        return disconnect;
    }

    @Override
    public String toString() {
        return kind + (code == 0 ? "" : " " + code + " " + enhancedStatus + " " + text)
                + (disconnect ? " (disconnect)" : "");
    }
}
