/**
 * Delivery transports: how a queued message leaves the spool. The spool calls the transport
 * named by each recipient's {@link org.mailroot.api.Route#transport()}; while no transport of
 * that name is registered the recipient stays queued (deferred), never bounced.
 */
@Export
@Version("1.0.0")
package org.mailroot.api.delivery;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
