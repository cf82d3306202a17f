/**
 * The durable message store behind the Mailroot folders (Pickup, Drop, Queue, BadMail).
 * Implemented by the spool bundle and used by listeners and transports.
 */
@Export
@Version("1.0.0")
package org.mailroot.api.spool;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
