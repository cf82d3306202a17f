package org.mailroot.spool.queue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mailroot.api.Envelope;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Recipient;
import org.mailroot.api.Route;

/**
 * Writes and reads the envelope block at the top of a queue file. The block is text, one
 * {@code name: value} line per field ending in CRLF, readable by an administrator: the IIS
 * {@code x-sender:} / {@code x-receiver:} lines plus {@code x-mailroot-*} lines for the rest.
 * Each {@code x-receiver:} opens a recipient; the notify/orcpt/route lines after it belong to it.
 * The last line, {@code x-mailroot-message-octets: N}, ends the block; N message bytes follow.
 */
public final class EnvelopeCodec {
    /** Bumped when a reader of an older version could not understand the file. */
    public static final int FORMAT = 1;
    static final String END = "x-mailroot-message-octets";
    private static final int MAX_LINE = 64 * 1024;

    private EnvelopeCodec() {
    }

    /** The envelope block for a message of {@code size} octets. */
    public static byte[] encode(Envelope e, long size) {
        StringBuilder s = new StringBuilder(256);
        line(s, "x-mailroot-format", Integer.toString(FORMAT));
        line(s, "x-mailroot-id", Tokens.encode(e.id()));
        line(s, "x-sender", address(e.sender()));
        line(s, "x-mailroot-received", e.received().toString());
        line(s, "x-mailroot-body", e.body().name());
        line(s, "x-mailroot-smtputf8", Boolean.toString(e.smtpUtf8()));
        e.ret().ifPresent(r -> line(s, "x-mailroot-ret", r.name()));
        e.envelopeId().ifPresent(v -> line(s, "x-mailroot-envid", Tokens.encode(v)));
        line(s, "x-mailroot-listener", Tokens.encode(e.listenerName()));
        line(s, "x-mailroot-client", Tokens.encode(e.clientAddress()));
        e.heloName().ifPresent(v -> line(s, "x-mailroot-helo", Tokens.encode(v)));
        e.authenticatedUser().ifPresent(v -> line(s, "x-mailroot-auth", Tokens.encode(v)));
        for (Recipient r : e.recipients()) {
            line(s, "x-receiver", address(r.address()));
            if (!r.notifyOn().isEmpty()) {
                line(s, "x-mailroot-notify", r.notifyOn().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")));
            }
            r.originalRecipient().ifPresent(v -> line(s, "x-mailroot-orcpt", Tokens.encode(v)));
            for (Route route : r.routes()) {
                StringBuilder v = new StringBuilder(Tokens.encode(route.transport()))
                        .append(' ').append(address(route.recipient()));
                new TreeMap<>(route.parameters()).forEach((k, val) -> v.append(' ')
                        .append(Tokens.encodeParam(k)).append('=').append(Tokens.encodeParam(val)));
                line(s, "x-mailroot-route", v.toString());
            }
        }
        line(s, END, Long.toString(size));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the block from the start of {@code in}, leaving the stream at the message. */
    public static Header decode(InputStream in) throws IOException {
        Envelope.Builder b = Envelope.builder();
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        long consumed = 0;
        MailAddress rcpt = null;
        Set<Recipient.Notify> notify = EnumSet.noneOf(Recipient.Notify.class);
        String orcpt = null;
        java.util.List<Route> routes = new java.util.ArrayList<>();
        while (true) {
            String line = readLine(in, buf);
            consumed += buf.size();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("not a queue file line: " + line);
            }
            String name = line.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            String v = line.substring(colon + 1).strip();
            if (name.equals("x-receiver") || name.equals(END)) {
                if (rcpt != null) {
                    b.addRecipient(new Recipient(rcpt, notify, java.util.Optional.ofNullable(orcpt), routes));
                }
                if (name.equals(END)) {
                    return new Header(b.build(), consumed, Long.parseLong(v));
                }
                rcpt = parseAddress(v);
                notify = EnumSet.noneOf(Recipient.Notify.class);
                orcpt = null;
                routes = new java.util.ArrayList<>();
                continue;
            }
            switch (name) {
                case "x-mailroot-format" -> {
                    if (Integer.parseInt(v) > FORMAT) {
                        throw new IOException("queue file format " + v + " is newer than " + FORMAT);
                    }
                }
                case "x-mailroot-id" -> b.id(Tokens.decode(v));
                case "x-sender" -> b.sender(parseAddress(v));
                case "x-mailroot-received" -> b.received(java.time.Instant.parse(v));
                case "x-mailroot-body" -> b.body(Envelope.Body.valueOf(v));
                case "x-mailroot-smtputf8" -> b.smtpUtf8(Boolean.parseBoolean(v));
                case "x-mailroot-ret" -> b.ret(Envelope.Ret.valueOf(v));
                case "x-mailroot-envid" -> b.envelopeId(Tokens.decode(v));
                case "x-mailroot-listener" -> b.listenerName(Tokens.decode(v));
                case "x-mailroot-client" -> b.clientAddress(Tokens.decode(v));
                case "x-mailroot-helo" -> b.heloName(Tokens.decode(v));
                case "x-mailroot-auth" -> b.authenticatedUser(Tokens.decode(v));
                case "x-mailroot-notify" -> {
                    for (String n : v.split(",")) {
                        notify.add(Recipient.Notify.valueOf(n.strip()));
                    }
                }
                case "x-mailroot-orcpt" -> orcpt = Tokens.decode(v);
                case "x-mailroot-route" -> routes.add(parseRoute(v));
                default -> { } // unknown lines from a newer minor writer are informational
            }
        }
    }

    private static Route parseRoute(String v) throws IOException {
        String[] t = v.split(" ");
        if (t.length < 2) {
            throw new IOException("bad route line: " + v);
        }
        Map<String, String> params = new TreeMap<>();
        for (int i = 2; i < t.length; i++) {
            int eq = t[i].indexOf('=');
            params.put(Tokens.decode(t[i].substring(0, eq)), Tokens.decode(t[i].substring(eq + 1)));
        }
        return new Route(Tokens.decode(t[0]), parseAddress(t[1]), params);
    }

    static String address(MailAddress a) {
        return a.isNullSender() ? "<>" : Tokens.encode(a.address());
    }

    static MailAddress parseAddress(String token) {
        return token.equals("<>") ? MailAddress.nullSender() : MailAddress.parse(Tokens.decode(token));
    }

    private static void line(StringBuilder s, String name, String value) {
        s.append(name).append(": ").append(value).append("\r\n");
    }

    /** One CRLF line as UTF-8; {@code buf} keeps its raw bytes so the caller can count them. */
    private static String readLine(InputStream in, ByteArrayOutputStream buf) throws IOException {
        buf.reset();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0 || buf.size() > MAX_LINE) {
                throw new IOException("queue file envelope is truncated or corrupt");
            }
            buf.write(c);
        }
        buf.write(c);
        String s = buf.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.substring(0, s.length() - 1);
    }

    /** A decoded envelope block: the envelope, where the message starts, and its size. */
    public record Header(Envelope envelope, long messageOffset, long messageSize) {
    }
}
