package org.mailroot.smtp.command;

import java.util.concurrent.CompletionStage;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.session.SessionContext;

/**
 * One SMTP verb. Called on the event loop; anything that may block (hooks, the spool) runs on a
 * worker and completes the stage later. Input after the command is held until the stage
 * completes, which keeps pipelined commands in order (RFC 2920 §3). A stage completing with
 * null sends nothing (BDAT replies after its chunk).
 */
public interface CommandHandler {
    CompletionStage<Reply> handle(SessionContext context, String argument);
}
