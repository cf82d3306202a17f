package org.mailroot.smtp.session;

import org.mailroot.smtp.codec.Reply;

/** Replies the session itself sends (framing faults, timeouts, shutdown), each with its section. */
final class SessionReplies {
    /** RFC 5321 §4.5.3.1.4: command line too long, 500; X.5.6 as the team chose (RFC 4954). */
    static final Reply LINE_TOO_LONG = Reply.of(500, "5.5.6", "Line too long");
    /** RFC 5321 §2.3.8: bare CR/LF in a command; 500 X.5.2 syntax error, then close (smuggling). */
    static final Reply BARE_LINE_ENDING = Reply.of(500, "5.5.2", "Bare CR or LF not allowed").closing();
    /** RFC 5321 §4.1.1/§4.2.2 500 on an empty line; RFC 3463 X.5.2. */
    static final Reply EMPTY_LINE = Reply.of(500, "5.5.2", "Syntax error, empty command");
    /** RFC 5321 §4.5.3.2 timeouts / §3.8: 421 then close; RFC 3463 X.4.2 bad connection. */
    static final Reply IDLE = Reply.of(421, "4.4.2", "Idle timeout, closing connection").closing();
    /** RFC 5321 §3.8: 421 when the server must close; RFC 3463 X.3.2 not accepting messages. */
    static final Reply SHUTTING_DOWN = Reply.of(421, "4.3.2", "Service shutting down, closing connection").closing();
    /** Session size limit (see README): 421 then close, RFC 3463 X.7.0. */
    static final Reply SESSION_CLOSED = Reply.of(421, "4.7.0", "Session size limit exceeded, closing connection").closing();

    private SessionReplies() {
    }
}
