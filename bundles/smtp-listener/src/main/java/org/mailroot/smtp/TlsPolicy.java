package org.mailroot.smtp;

import java.util.Locale;

/**
 * A virtual server's TLS switches (keys {@code tls} and {@code requireTls}), kept apart from
 * {@link ListenerSettings} so the TLS feature stays in its own files. Changes apply to new
 * connections ({@code tls}) or from the next command ({@code requireTls}); never a rebind.
 *
 * @param mode     none: no TLS; starttls: STARTTLS offered (RFC 3207) while a TLS provider is
 *                 bound; implicit: TLS from the first byte (RFC 8314 §3), as on port 465
 * @param required MAIL, RCPT, DATA, BDAT and AUTH need TLS first (530 5.7.0, RFC 3207 §4)
 */
public record TlsPolicy(Mode mode, boolean required) {
    public enum Mode { NONE, STARTTLS, IMPLICIT }

    /** STARTTLS offered, not required: the MX default (RFC 3207 §4: a public MX must not require it). */
    public static final TlsPolicy DEFAULT = new TlsPolicy(Mode.STARTTLS, false);

    /** @throws InvalidSettingException naming the key and the allowed values */
    public static TlsPolicy of(String tls, boolean requireTls) {
        Mode mode;
        try {
            mode = Mode.valueOf(tls.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("tls", tls, "none, starttls, implicit");
        }
        if (mode == Mode.NONE && requireTls) {
            throw new InvalidSettingException("requireTls", true, "false while tls=none (no client could send mail)");
        }
        return new TlsPolicy(mode, requireTls);
    }

    /** For the listener service property and logs: none, starttls, starttls required, implicit. */
    public String describe() {
        String m = mode.name().toLowerCase(Locale.ROOT);
        return mode == Mode.STARTTLS && required ? m + " required" : m;
    }

    @Override
    public String toString() {
        return "tls=" + mode.name().toLowerCase(Locale.ROOT) + ", requireTls=" + required;
    }
}
