package org.mailroot.smtp.command;

import java.util.concurrent.CompletionStage;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.session.SessionContext;

/** The commands that only answer: RSET, NOOP, QUIT, VRFY, HELP. */
final class SimpleCommands {
    /** RFC 5321 §3.8/§4.1.1.10 221 then close; RFC 3463 X.0.0. */
    static final Reply BYE = Reply.of(221, "2.0.0", "Bye").closing();
    /** RFC 5321 §3.5.3: 252 "cannot VRFY user, but will accept message"; RFC 3463 X.0.0. */
    static final Reply CANNOT_VRFY = Reply.of(252, "2.0.0", "Cannot VRFY user, but will accept message and attempt delivery");

    private SimpleCommands() {
    }

    /** RFC 5321 §4.1.1.5: drops the transaction, keeps EHLO/HELO; 250. */
    static CompletionStage<Reply> rset(SessionContext c, String arg) {
        if (!arg.isBlank()) {
            return MailCommand.done(Replies.BAD_ARGUMENTS);
        }
        c.session().resetTransaction();
        return MailCommand.done(Replies.OK);
    }

    /** RFC 5321 §4.1.1.9: 250, any argument ignored. */
    static CompletionStage<Reply> noop(SessionContext c, String arg) {
        return MailCommand.done(Replies.OK);
    }

    /** RFC 5321 §4.1.1.10: QUIT takes no argument (501 otherwise), 221 and close. */
    static CompletionStage<Reply> quit(SessionContext c, String arg) {
        return MailCommand.done(arg.isBlank() ? BYE : Replies.BAD_ARGUMENTS);
    }

    /** RFC 5321 §4.1.1.6 needs an argument (501 otherwise); we never disclose mailboxes: 252. */
    static CompletionStage<Reply> vrfy(SessionContext c, String arg) {
        return MailCommand.done(arg.isBlank() ? Replies.BAD_ARGUMENTS : CANNOT_VRFY);
    }

    /** RFC 5321 §4.1.1.8: 214. */
    static CompletionStage<Reply> help(SessionContext c, String arg) {
        return MailCommand.done(CommandTable.help());
    }
}
