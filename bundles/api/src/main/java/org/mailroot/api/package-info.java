/**
 * Mailroot's core value types: addresses, envelopes, routes, verdicts and the read-only view of
 * an SMTP session that every extension point receives.
 *
 * <p>Everything here is immutable except {@link org.mailroot.api.SessionInfo#attributes()}, the
 * per-session scratch space that hooks use instead of keeping state of their own. Store only JDK
 * or API types there, so that a stopped plugin bundle's classes are never pinned by a session.
 *
 * <p>The hook contract (order, verdicts, timeouts, what happens when a plugin disappears) is
 * written once in {@link org.mailroot.api.hook} and in {@code docs/plugins.md}.
 */
@Export
@Version("1.0.0")
package org.mailroot.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
