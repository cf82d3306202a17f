/**
 * Protocol and delivery events, fanned out to log sinks (W3C, NCSA, IIS, JDBC, custom).
 *
 * <p>Producers call {@link org.mailroot.api.log.EventPublisher#publish}, which never blocks:
 * events go to a bounded queue and one thread hands them to every {@link
 * org.mailroot.api.log.LogSink}. When the queue is full, events are dropped and counted rather
 * than slowing SMTP down.
 */
@Export
@Version("1.0.0")
package org.mailroot.api.log;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
