package org.mailroot.smtp.command;

import java.util.Locale;
import java.util.Map;
import org.mailroot.smtp.codec.Reply;

/** Validates MAIL parameters; returns the refusal, or null when they are acceptable. */
final class MailParameterCheck {
    private MailParameterCheck() {
    }

    static Reply check(Map<String, String> params, long maxMessageSize) {
        for (Map.Entry<String, String> p : params.entrySet()) {
            String v = p.getValue();
            switch (p.getKey()) {
                case "SIZE" -> { // RFC 1870 §3, §6.1
                    if (v == null || !v.matches("[0-9]{1,20}")) {
                        return Replies.BAD_ARGUMENTS;
                    }
                    try {
                        if (Long.parseLong(v) > maxMessageSize) {
                            return Replies.TOO_BIG; // RFC 1870 §6.1: 552 at MAIL
                        }
                    } catch (NumberFormatException e) {
                        return Replies.TOO_BIG; // larger than a long: certainly too big
                    }
                }
                case "BODY" -> { // RFC 6152 §2, RFC 3030 §3
                    String b = v == null ? "" : v.toUpperCase(Locale.ROOT);
                    if (!b.equals("7BIT") && !b.equals("8BITMIME") && !b.equals("BINARYMIME")) {
                        return Replies.BAD_ARGUMENTS;
                    }
                }
                case "SMTPUTF8" -> { // RFC 6531 §3.4: a flag without value
                    if (v != null) {
                        return Replies.BAD_ARGUMENTS;
                    }
                }
                case "RET" -> { // RFC 3461 §4.3
                    if (v == null || !v.equalsIgnoreCase("FULL") && !v.equalsIgnoreCase("HDRS")) {
                        return Replies.BAD_ARGUMENTS;
                    }
                }
                case "ENVID" -> { // RFC 3461 §4.4: xtext, at most 100 characters
                    if (v == null || v.length() > 100 || !MailParameters.isXtext(v)) {
                        return Replies.BAD_ARGUMENTS;
                    }
                }
                case "AUTH" -> { // RFC 4954 §5: AUTH=xtext or AUTH=<>, kept with the envelope
                    if (v == null || v.isEmpty() || !MailParameters.isXtext(v)) {
                        return Replies.BAD_ARGUMENTS;
                    }
                }
                default -> {
                    return Replies.UNKNOWN_PARAMETER; // RFC 5321 §4.1.1.11: 555
                }
            }
        }
        return null;
    }
}
