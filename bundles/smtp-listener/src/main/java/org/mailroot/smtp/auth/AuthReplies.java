package org.mailroot.smtp.auth;

import java.util.Base64;
import java.util.List;
import org.mailroot.smtp.codec.Reply;

/** The replies of AUTH (RFC 4954 §4, §6), each with the section that chooses it. */
public final class AuthReplies {
    /** RFC 4954 §6: 235 2.7.0 Authentication successful. */
    public static final Reply SUCCESS = Reply.of(235, "2.7.0", "Authentication successful");
    /** RFC 4954 §6: 535 5.7.8 Authentication credentials invalid. */
    public static final Reply INVALID = Reply.of(535, "5.7.8", "Authentication credentials invalid");
    /** RFC 4954 §6: 454 4.7.0 Temporary authentication failure. */
    public static final Reply TEMPORARY = Reply.of(454, "4.7.0", "Temporary authentication failure");
    /** RFC 4954 §4: the client's "*" cancels the exchange with 501. */
    public static final Reply CANCELLED = Reply.of(501, "5.0.0", "Authentication cancelled");
    /** RFC 4954 §4: a response that is not valid base64 gets 501; RFC 3463 X.5.2 syntax. */
    public static final Reply BAD_BASE64 = Reply.of(501, "5.5.2", "Cannot decode response");
    /** RFC 4954 §4: initial response with a server-first mechanism, or a malformed message: 501. */
    public static final Reply BAD_RESPONSE = Reply.of(501, "5.5.2", "Invalid authentication response");
    /** RFC 4954 §4: 504 for a mechanism the server does not support; RFC 3463 X.5.4. */
    public static final Reply UNSUPPORTED = Reply.of(504, "5.5.4", "Unrecognized authentication type");
    /** RFC 4954 §6: 538 5.7.11 Encryption required for requested authentication mechanism. */
    public static final Reply NEEDS_TLS = Reply.of(538, "5.7.11", "Encryption required for requested authentication mechanism");
    /** RFC 4954 §4: AUTH after a successful AUTH, or during a transaction: 503. */
    public static final Reply ALREADY = Reply.of(503, "5.5.1", "Already authenticated");
    /** RFC 4954 §6: 530 5.7.0 Authentication required (MAIL before AUTH on a listener that requires it). */
    public static final Reply REQUIRED = Reply.of(530, "5.7.0", "Authentication required");
    /** RFC 5321 §3.8 / RFC 4954 §4: too many failures from this address: 421 and close; X.7.0. */
    public static final Reply TOO_MANY = Reply.of(421, "4.7.0", "Too many failed authentication attempts, closing connection").closing();

    private AuthReplies() {
    }

    /** RFC 4954 §4: a 334 challenge carries base64 data (an empty challenge is "334 "). */
    public static Reply challenge(byte[] data) {
        return new Reply(334, null, List.of(Base64.getEncoder().encodeToString(data)), false);
    }
}
