package org.mailroot.smtp.session;

/** Where a session is in the RFC 5321 §4.1.4 command sequence. */
public enum SessionState {
    /** Connected, greeting not sent yet (connection filters running). */
    CONNECTING,
    /** Greeting sent; no EHLO/HELO yet. */
    GREETED,
    /** EHLO/HELO done, no transaction. */
    READY,
    /** MAIL accepted, no recipient yet. */
    MAIL,
    /** At least one recipient accepted. */
    RCPT,
    /** Receiving DATA text. */
    DATA,
    /** Between BDAT chunks (RFC 3030): only BDAT, RSET, NOOP, QUIT are in sequence. */
    BDAT,
    /** Closing; nothing more is processed. */
    CLOSED
}
