package org.mailroot.smtp.auth;

/**
 * The AUTH switches of one virtual server (RFC 4954). Kept apart from ListenerSettings so that
 * AUTH can change without touching the other limits.
 *
 * @param allowPlaintextAuth offer and accept AUTH on a connection without TLS (off: RFC 4954 §4
 *        leaves it to policy; sending passwords in the clear is unsafe)
 * @param requireAuth MAIL is refused with 530 5.7.0 until the client has authenticated (submission)
 */
public record AuthSettings(boolean allowPlaintextAuth, boolean requireAuth) {
    /** The defaults: AUTH only over TLS, not required (an MX must take mail from anyone). */
    public static final AuthSettings DEFAULTS = new AuthSettings(false, false);
}
