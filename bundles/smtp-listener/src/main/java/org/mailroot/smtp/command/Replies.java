package org.mailroot.smtp.command;

import org.mailroot.api.Verdict;
import org.mailroot.smtp.codec.Reply;

/** Replies used by several commands, each with the section that chooses it. */
public final class Replies {
    /** RFC 5321 §4.2.2 250; RFC 3463 X.0.0. */
    public static final Reply OK = Reply.of(250, "2.0.0", "Ok");
    /** RFC 5321 §4.1.1.4/§4.2.2 500 (unrecognised command); RFC 3463 §3.6 X.5.1. */
    public static final Reply UNKNOWN = Reply.of(500, "5.5.1", "Command unrecognized");
    /** RFC 5321 §4.2.2 502 (recognised, not implemented); RFC 3463 X.5.1. */
    public static final Reply NOT_IMPLEMENTED = Reply.of(502, "5.5.1", "Command not implemented");
    /** RFC 5321 §4.1.4/§4.2.2 503 (bad sequence); RFC 3463 X.5.1. */
    public static final Reply BAD_SEQUENCE = Reply.of(503, "5.5.1", "Bad sequence of commands");
    /** RFC 5321 §4.2.2 501 (syntax error in parameters); RFC 3463 §3.6 X.5.4. */
    public static final Reply BAD_ARGUMENTS = Reply.of(501, "5.5.4", "Syntax error in parameters or arguments");
    /** RFC 5321 §4.1.1.11/§4.2.2 555 (MAIL/RCPT parameter unknown); RFC 3463 X.5.4. */
    public static final Reply UNKNOWN_PARAMETER = Reply.of(555, "5.5.4", "Parameter not recognized or not implemented");
    /** RFC 5321 §4.2.2 451 (local error); RFC 3463 X.3.0: a hook failed or the spool is absent. */
    public static final Reply LOCAL_ERROR = Reply.of(451, "4.3.0", "Temporary local problem, try again later");
    /** RFC 1870 §6.1 / RFC 5321 §4.5.3.1.10 552; RFC 3463 X.3.4 "message too big for system". */
    public static final Reply TOO_BIG = Reply.of(552, "5.3.4", "Message size exceeds fixed maximum message size");
    /** Session budget spent (our choice, see README): 552 as for a message, RFC 3463 X.3.4. */
    public static final Reply SESSION_TOO_BIG = Reply.of(552, "5.3.4", "Session size limit exceeded");
    /** RFC 6531 §3.5 553 / X.6.7: a non-ASCII address without SMTPUTF8. */
    public static final Reply NEEDS_SMTPUTF8 = Reply.of(553, "5.6.7", "Non-ASCII address requires SMTPUTF8");

    private Replies() {
    }

    /**
     * The reply for a hook's verdict: its own reply when it gave one, else the step's default.
     * A missing enhanced code is filled from the class of the reply code.
     */
    public static Reply of(Verdict v, Reply accepted, Reply rejected, Reply deferred) {
        Reply fallback = switch (v.kind()) {
            case ACCEPT, DECLINE -> accepted;
            case REJECT -> rejected;
            case DEFER -> deferred;
        };
        Reply r = v.code().isPresent()
                ? Reply.of(v.code().get(), v.enhancedStatus().orElse(v.code().get() / 100 + ".0.0"),
                        v.text().orElse(fallback.lines().get(0)))
                : fallback;
        return v.disconnect() ? r.closing() : r;
    }
}
