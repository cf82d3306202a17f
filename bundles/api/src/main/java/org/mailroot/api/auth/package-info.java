/**
 * Authentication beyond password checks: challenge-response SASL mechanisms and the throttling
 * of failed attempts (RFC 4954).
 *
 * <h2>How AUTH is put together</h2>
 * <ul>
 * <li><b>Password mechanisms</b> (PLAIN, LOGIN) are decoded by the listener and checked by the
 * {@link org.mailroot.api.hook.Authenticator} chain, so a directory (LDAP bind) can join it.</li>
 * <li><b>Challenge-response mechanisms</b> (SCRAM-SHA-256, CRAM-MD5...) cannot be checked with a
 * password: a bundle registers a {@link org.mailroot.api.auth.SaslMechanism} service, the
 * listener advertises its {@link org.mailroot.api.auth.SaslMechanism#name() name} in EHLO and,
 * for each AUTH, {@link org.mailroot.api.auth.SaslMechanism#start starts} an
 * {@link org.mailroot.api.auth.SaslExchange} and relays the client's responses to it until it
 * answers {@link org.mailroot.api.auth.SaslStep#success success} or failure.</li>
 * <li><b>Throttling</b>: an {@link org.mailroot.api.auth.AuthThrottle} service is told of every
 * failure and success and says how long to delay the failure reply and when to disconnect.</li>
 * <li><b>The identity</b>: an Authenticator that accepts may name the canonical identity (say,
 * the bare {@code alice} completed to {@code alice@example.com}) in the session attribute
 * {@link org.mailroot.api.auth.SaslStep#IDENTITY_ATTRIBUTE}; otherwise the user name as given is
 * the identity. It becomes {@link org.mailroot.api.SessionInfo#authenticatedUser()}, goes into
 * the log and the Received header.</li>
 * </ul>
 *
 * <p>The contract of {@link org.mailroot.api.hook} applies: services are ordered by
 * {@code service.ranking}, may target one virtual server with {@code mailroot.listener}, run on
 * worker threads (exchanges) and anything they throw becomes a temporary failure (454 4.7.0),
 * never a 5xx.
 */
@Export
@Version("1.0.0")
package org.mailroot.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
