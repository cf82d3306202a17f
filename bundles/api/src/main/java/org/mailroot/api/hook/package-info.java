/**
 * Extension points called during an SMTP session. Integrators implement them and register
 * them as OSGi services; the listener calls them.
 *
 * <h2>The hook contract</h2>
 * <ul>
 * <li><b>Verdicts.</b> Every hook answers with a {@link org.mailroot.api.Verdict}: accept (stop
 * the chain, the step succeeds), decline (no opinion, ask the next), reject (5xx), defer (4xx).
 * Each may carry its reply text and enhanced status code and may ask to disconnect.</li>
 * <li><b>Order.</b> Higher {@code service.ranking} first; ties go to the lower
 * {@code service.id}. Built-in hooks register at negative rankings so that an integrator's
 * plugin runs first.</li>
 * <li><b>Targeting.</b> A hook with the service property {@code mailroot.listener} (set with
 * {@link org.mailroot.api.Listener}) serves only that virtual server.</li>
 * <li><b>Snapshot per command.</b> The listener takes a snapshot of each hook list once per SMTP
 * command. A plugin that arrives is used from the next command on; one that leaves is not
 * called again.</li>
 * <li><b>Failures are temporary.</b> A hook that throws, exceeds the listener's hook timeout
 * (default 30 s), or whose bundle stopped under it yields <em>defer</em> (451 4.3.0), logged
 * with its component name. A failing plugin never produces a 5xx and never loses mail.</li>
 * <li><b>Threads.</b> Hooks run on a worker pool, never on a network thread, so they may block
 * on DNS, LDAP or JDBC; they must be thread-safe and keep no state of their own between calls.
 * A hook that answers from memory may say so with {@link org.mailroot.api.hook.NonBlocking};
 * the listener may then call it on the network thread (since 1.1).
 * Per-session state belongs in {@link org.mailroot.api.SessionInfo#attributes()}.</li>
 * <li><b>When all decline.</b> Connection, sender and message filters: the step succeeds.
 * Recipient resolvers: the relay policies are asked. Relay policies: 550 5.7.1 (never an open
 * relay). Authenticators: 535 5.7.8.</li>
 * </ul>
 */
@Export
@Version("1.1.0")
package org.mailroot.api.hook;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
