package org.mailroot.smtp.command;

import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.mailroot.api.Envelope;
import org.mailroot.smtp.codec.MessageBuffer;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.codec.TextLineChecker;
import org.mailroot.smtp.message.MessageFinisher;
import org.mailroot.smtp.session.SessionContext;
import org.mailroot.smtp.session.SessionState;
import org.mailroot.smtp.session.SmtpSession;
import org.mailroot.smtp.session.Transaction;

/**
 * BDAT (RFC 3030 §2): the chunk that follows is always read (even when the command is refused)
 * and the reply is sent after it, by {@link #chunkDone}.
 */
public final class BdatCommand implements CommandHandler {
    /** RFC 3030 §2 gives no code for a size that cannot be parsed: 501 5.5.4 and close, since the chunk boundary is lost. */
    static final Reply BAD_SIZE = Reply.of(501, "5.5.4", "Syntax: BDAT size [LAST]").closing();

    private final MessageFinisher finisher;

    public BdatCommand(MessageFinisher finisher) {
        this.finisher = finisher;
    }

    @Override
    public CompletionStage<Reply> handle(SessionContext context, String argument) {
        String[] words = argument.strip().split(" +");
        long size;
        try {
            size = Long.parseLong(words[0]);
        } catch (NumberFormatException e) {
            return MailCommand.done(BAD_SIZE);
        }
        if (size < 0 || words.length > 2
                || words.length == 2 && !words[1].toUpperCase(Locale.ROOT).equals("LAST")) {
            return MailCommand.done(BAD_SIZE);
        }
        boolean last = words.length == 2;
        Reply pending = null;
        SmtpSession session = context.session();
        Transaction t = session.transaction();
        MessageBuffer target = null;
        if (session.state() != SessionState.RCPT && session.state() != SessionState.BDAT) {
            pending = Replies.BAD_SEQUENCE; // RFC 3030 §2/§3: BDAT needs MAIL and RCPT first
        } else if (context.server().spool().isEmpty()) {
            pending = Replies.LOCAL_ERROR; // CONVENTIONS: no spool -> 451 4.3.0
        } else {
            if (t.message() == null) {
                boolean binary = t.body() == Envelope.Body.BINARY_MIME; // RFC 3030 §3: no line rules
                t.message(context.newMessageBuffer(),
                        binary ? null : new TextLineChecker(context.settings().maxTextLine()));
            }
            session.state(SessionState.BDAT);
            target = t.message();
        }
        context.bdat(pending, last); // per session: this handler is shared
        if (size == 0) {
            return chunkDone(context);
        }
        context.startChunk(size, target, target == null ? null : t.chunkChecker());
        return MailCommand.done(null);
    }

    /** Called when the chunk has been read: the reply to the BDAT command. */
    public CompletionStage<Reply> chunkDone(SessionContext context) {
        SmtpSession session = context.session();
        Reply pending = context.bdatPending();
        if (pending != null) {
            if (session.state() == SessionState.BDAT) {
                session.resetTransaction(); // a failed chunk ends the transaction (RFC 3030 §2)
            }
            return MailCommand.done(pending);
        }
        Transaction t = session.transaction();
        MessageBuffer buffer = t.message();
        if (buffer.overflow()) {
            session.resetTransaction();
            return MailCommand.done(context.sessionBudgetSpent() ? Replies.SESSION_TOO_BIG : Replies.TOO_BIG);
        }
        if (!context.bdatLast()) {
            // RFC 3030 §2: 250 after each chunk
            return MailCommand.done(Reply.of(250, "2.0.0", buffer.size() + " octets received"));
        }
        if (t.chunkChecker() != null) {
            t.chunkChecker().finish(buffer);
        }
        return finisher.finish(context, "BDAT");
    }
}
