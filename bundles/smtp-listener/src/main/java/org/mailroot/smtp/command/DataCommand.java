package org.mailroot.smtp.command;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.Envelope;
import org.mailroot.smtp.codec.MessageBuffer;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.session.SessionContext;
import org.mailroot.smtp.session.SessionState;
import org.mailroot.smtp.session.SmtpSession;

/**
 * DATA (RFC 5321 §4.1.1.4): switches the decoder to DATA text and answers 354. The message is
 * finished by {@link org.mailroot.smtp.message.MessageFinisher} at the end of the text.
 */
public final class DataCommand implements CommandHandler {
    /** RFC 5321 §4.2.2 354 (intermediate; RFC 2034 enhanced codes are for 2xx/4xx/5xx only). */
    static final Reply GO_AHEAD = Reply.plain(354, List.of("End data with <CR><LF>.<CR><LF>"));

    @Override
    public CompletionStage<Reply> handle(SessionContext context, String argument) {
        SmtpSession session = context.session();
        if (!argument.isBlank()) {
            return MailCommand.done(Replies.BAD_ARGUMENTS); // §4.1.1.4: DATA takes no argument
        }
        if (session.state() != SessionState.RCPT) {
            // §3.3: no MAIL or no accepted RCPT (or a BDAT transaction, RFC 3030 §3): 503
            return MailCommand.done(Replies.BAD_SEQUENCE);
        }
        if (session.transaction().body() == Envelope.Body.BINARY_MIME) {
            return MailCommand.done(Replies.BAD_SEQUENCE); // RFC 3030 §3: BINARYMIME needs BDAT
        }
        if (context.server().spool().isEmpty()) {
            return MailCommand.done(Replies.LOCAL_ERROR); // CONVENTIONS: no spool -> 451 4.3.0
        }
        MessageBuffer buffer = context.newMessageBuffer();
        session.transaction().message(buffer, null);
        session.state(SessionState.DATA);
        context.startData(buffer);
        return MailCommand.done(GO_AHEAD);
    }
}
