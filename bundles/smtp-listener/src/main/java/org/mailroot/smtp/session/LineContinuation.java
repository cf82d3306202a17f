package org.mailroot.smtp.session;

import java.util.concurrent.CompletionStage;
import org.mailroot.smtp.codec.Reply;

/**
 * A command that continues over further client lines which are not commands (AUTH's responses
 * to 334 challenges, RFC 4954 §4). While one is set on the {@link SessionContext}, the next
 * command line goes to it instead of the command table; any other frame drops it.
 */
public interface LineContinuation {
    /** The client's next line, as sent (without CRLF). Called on the event loop. */
    CompletionStage<Reply> line(SessionContext context, String text);
}
