package org.mailroot.smtp.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailroot.smtp.auth.AuthCommand;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.message.MessageFinisher;
import org.mailroot.smtp.session.SessionState;

/**
 * The verbs and their handlers. Every handler is stateless (BDAT keeps its state in the
 * {@link org.mailroot.smtp.session.SessionContext}) and reads the settings of the current
 * command, so one immutable table serves every session of every listener: nothing per session.
 */
public final class CommandTable {
    /** RFC 5321 §4.2.4: 500 for an unknown verb. */
    private static final CommandHandler UNKNOWN = (c, a) -> MailCommand.done(Replies.UNKNOWN);
    /** RFC 3030 §3: 503 between BDAT chunks. */
    private static final CommandHandler OUT_OF_BDAT = (c, a) -> MailCommand.done(Replies.BAD_SEQUENCE);
    /** RFC 5321 §3.1, §4.3.2: 503 for any command before the greeting (EHLO/HELO included). */
    private static final CommandHandler OUT_OF_SEQUENCE = (c, a) -> MailCommand.done(Replies.BAD_SEQUENCE);
    /** RFC 5321 §4.2.4: 502 recognised but not implemented. */
    private static final CommandHandler NOT_OFFERED = (c, a) -> MailCommand.done(Replies.NOT_IMPLEMENTED);

    /** RFC 3030 §3: between BDAT chunks only these keep the transaction in sequence. */
    private static final Set<String> ALLOWED_IN_BDAT = Set.of("BDAT", "RSET", "NOOP", "QUIT",
            "EHLO", "HELO", "HELP");
    /** Recognised but not offered: 502 (RFC 5321 §4.2.4). */
    private static final Set<String> NOT_IMPLEMENTED = Set.of("EXPN", "TURN", "ETRN", "ATRN",
            "SEND", "SOML", "SAML");

    /** The table every session uses (declared after the constants its constructor reads). */
    public static final CommandTable STANDARD = new CommandTable(MessageFinisher.INSTANCE);

    private final Map<String, CommandHandler> handlers = new HashMap<>();
    private final BdatCommand bdat;

    private CommandTable(MessageFinisher finisher) {
        bdat = new BdatCommand(finisher);
        handlers.put("EHLO", new HeloCommand(true));
        handlers.put("HELO", new HeloCommand(false));
        handlers.put("MAIL", new MailCommand());
        handlers.put("RCPT", new RcptCommand());
        handlers.put("DATA", new DataCommand());
        handlers.put("BDAT", bdat);
        handlers.put("RSET", SimpleCommands::rset);
        handlers.put("NOOP", SimpleCommands::noop);
        handlers.put("QUIT", SimpleCommands::quit);
        handlers.put("VRFY", SimpleCommands::vrfy);
        handlers.put("HELP", SimpleCommands::help);
        handlers.put("AUTH", new AuthCommand());
        NOT_IMPLEMENTED.forEach(v -> handlers.put(v, NOT_OFFERED));
        handlers.put("STARTTLS", new StartTlsCommand());
        RequireTlsGuard.wrap(handlers); // last: covers whatever handles MAIL, RCPT, DATA, BDAT, AUTH
    }

    public BdatCommand bdat() {
        return bdat;
    }

    /** The handler for a verb; unknown verbs get 500 and out-of-sequence ones 503. */
    public CommandHandler lookup(String verb, SessionState state) {
        CommandHandler h = handlers.get(verb);
        if (h == null) {
            return UNKNOWN; // RFC 5321 §4.2.4: 500
        }
        if (state == SessionState.CONNECTING) {
            return OUT_OF_SEQUENCE; // RFC 5321 §3.1, §4.3.2: no command before the greeting
        }
        if (state == SessionState.BDAT && !ALLOWED_IN_BDAT.contains(verb)) {
            return OUT_OF_BDAT; // RFC 3030 §3: 503
        }
        return h;
    }

    /** Lines for HELP (214, RFC 5321 §4.1.1.8). */
    static List<String> helpLines() {
        return List.of("Commands: EHLO HELO STARTTLS MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP",
                "See RFC 5321");
    }

    static Reply help() {
        return new Reply(214, "2.0.0", helpLines(), false);
    }
}
