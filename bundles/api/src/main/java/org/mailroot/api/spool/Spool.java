package org.mailroot.api.spool;

import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable queue. A message is handed over once, with its envelope; the spool then owns it
 * until every recipient is delivered, bounced or moved to BadMail.
 */
@ProviderType
public interface Spool {
    /**
     * Stores a message durably. The returned stage completes only after the message and its
     * envelope are on disk in Queue/ (file and directory fsynced, atomic rename), so the caller
     * may then acknowledge it (the 250 after DATA). It completes exceptionally with
     * {@link SpoolFullException} when the disk is full, or another {@link java.io.IOException};
     * then nothing was stored.
     *
     * <p>Never blocks the caller: the copy and the fsync happen on the spool's own threads, and
     * concurrent calls share fsyncs (group commit). The content must stay readable until the
     * stage completes. The stage completes on a spool thread: callers continue on their own
     * executor (a Netty event loop, say) rather than doing work in the callback.
     *
     * @param envelope the envelope; its {@link Envelope#id()} becomes the queue id
     */
    CompletionStage<Void> store(Envelope envelope, MessageContent content);

    /** The absolute path of one of the Mailroot folders. */
    Path folder(Folder folder);

    /** The number of messages in Queue/ not yet fully delivered. */
    int queueLength();

    /** A new message id, unique in this spool, short and safe as a file name. */
    String newMessageId();
}
