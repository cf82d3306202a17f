package org.mailroot.example.jsonl;

import org.mailroot.api.log.MailEvent;

/** One event as one line of JSON (RFC 8259), newline-terminated; strings escaped by hand, no library. */
final class JsonLine {
    private JsonLine() {
    }

    static String of(MailEvent e) {
        StringBuilder sb = new StringBuilder(256).append('{');
        field(sb, "time", e.time().toString()).append(',');
        field(sb, "type", e.type().name()).append(',');
        field(sb, "session", e.sessionId()).append(',');
        field(sb, "listener", e.listenerName()).append(',');
        field(sb, "client", e.clientAddress()).append(',');
        field(sb, "user", e.user()).append(',');
        field(sb, "messageId", e.messageId()).append(',');
        field(sb, "command", e.command()).append(',');
        field(sb, "argument", e.argument()).append(',');
        sb.append("\"code\":").append(e.replyCode()).append(',');
        field(sb, "text", e.replyText()).append(',');
        sb.append("\"bytesIn\":").append(e.bytesIn()).append(",\"bytesOut\":").append(e.bytesOut())
                .append(",\"ms\":").append(e.elapsedMillis());
        return sb.append("}\n").toString();
    }

    private static StringBuilder field(StringBuilder sb, String key, String value) {
        sb.append('"').append(key).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                // other control characters (a client's bytes) as hex escapes: one event stays one line
                default -> sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"');
    }
}
