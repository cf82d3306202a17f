package org.mailroot.events;

import org.mailroot.api.log.LogSink;
import org.mailroot.api.log.MailEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in sink: one compact line per event on the slf4j logger {@value #LOGGER} at DEBUG,
 * so it costs one level check unless an administrator turns that logger on. Ranked -100 like
 * every built-in; {@code enabled=false} in {@code org.mailroot.events.serverlog} silences it.
 */
@Component(service = LogSink.class, configurationPid = ServerLogSink.PID,
        property = "service.ranking:Integer=-100")
@Designate(ocd = ServerLogSink.Config.class)
public class ServerLogSink implements LogSink {
    static final String PID = "org.mailroot.events.serverlog";
    static final String LOGGER = "mailroot.protocol";
    private static final Logger PROTOCOL = LoggerFactory.getLogger(LOGGER);

    @ObjectClassDefinition(name = "Mailroot protocol log", description = "Events on the server log (logger mailroot.protocol, DEBUG)")
    public @interface Config {
        @AttributeDefinition(name = "Enabled", description = "Write events to the mailroot.protocol logger")
        boolean enabled() default true;
    }

    private volatile boolean enabled = true;

    @Activate
    @Modified
    void configure(Config config) {
        enabled = config.enabled();
    }

    @Override
    public void log(MailEvent event) {
        if (enabled && PROTOCOL.isDebugEnabled()) {
            PROTOCOL.debug("{}", line(event));
        }
    }

    /** {@code time TYPE session listener client user message command "argument" code "text" in out ms}, "-" for empty. */
    static String line(MailEvent e) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(e.time()).append(' ').append(e.type());
        for (String field : new String[] {e.sessionId(), e.listenerName(), e.clientAddress(), e.user(),
                e.messageId(), e.command()}) {
            sb.append(' ');
            append(sb, field);
        }
        sb.append(" \"");
        append(sb, e.argument());
        sb.append("\" ").append(e.replyCode()).append(" \"");
        append(sb, e.replyText());
        sb.append("\" ").append(e.bytesIn()).append(' ').append(e.bytesOut()).append(' ').append(e.elapsedMillis());
        return sb.toString();
    }

    /** Empty becomes "-"; controls, quotes and backslashes are escaped so a client cannot forge log lines. */
    private static void append(StringBuilder sb, String value) {
        if (value.isEmpty()) {
            sb.append('-');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
    }
}
