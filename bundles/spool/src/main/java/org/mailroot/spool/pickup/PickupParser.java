package org.mailroot.spool.pickup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailroot.api.MailAddress;

/**
 * Turns a Pickup/ file into an envelope and a message, as IIS did: leading {@code x-sender:} /
 * {@code x-receiver:} lines (and our own {@code x-mailroot-*} lines, so a BadMail file can be
 * dropped back in) give the envelope and are stripped; otherwise Sender/From give the sender
 * and To/Cc/Bcc the recipients. Bcc is always removed (RFC 5322 §3.6.3). Line ends become CRLF.
 */
final class PickupParser {
    /** RFC 5322 §2.1.1: 998 octets plus CRLF. */
    static final int MAX_LINE = 998;
    private static final Pattern ENVELOPE_LINE =
            Pattern.compile("(?i)(x-sender|x-receiver|x-mailroot-[a-z0-9-]+)[ \\t]*:(.*)");
    private static final Pattern FIELD = Pattern.compile("([!-9;-~]+)[ \\t]*:(.*)", Pattern.DOTALL);

    /** The parsed file. */
    record Parsed(MailAddress sender, List<MailAddress> recipients, byte[] message, boolean eightBit) {
    }

    /** Why a pickup file is malformed; the text goes into the BadMail reason file. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private PickupParser() {
    }

    static Parsed parse(byte[] raw) throws MalformedException {
        checkBinary(raw);
        List<String> lines = lines(raw);
        MailAddress xSender = null;
        Set<MailAddress> xReceivers = new LinkedHashSet<>();
        int i = 0;
        for (Matcher m; i < lines.size() && (m = ENVELOPE_LINE.matcher(lines.get(i))).matches(); i++) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("x-sender")) {
                xSender = address(m.group(2), "x-sender");
            } else if (name.equals("x-receiver")) {
                xReceivers.add(address(m.group(2), "x-receiver"));
            }
        }
        List<String> out = new ArrayList<>();
        List<Header> headers = new ArrayList<>();
        for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            String line = lines.get(i);
            if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                headers.get(headers.size() - 1).lines.add(line);
            } else if (FIELD.matcher(line).matches()) {
                headers.add(new Header(line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT), line));
            } else {
                throw new MalformedException("line " + (i + 1) + " is not an RFC 5322 header field: "
                        + abbreviate(line));
            }
        }
        if (headers.isEmpty() && xReceivers.isEmpty()) {
            throw new MalformedException("no header fields and no x-receiver lines");
        }
        MailAddress sender = xSender != null ? xSender : headerSender(headers);
        Set<MailAddress> rcpts = new LinkedHashSet<>(xReceivers);
        if (rcpts.isEmpty()) {
            for (Header h : headers) {
                if (h.name.equals("to") || h.name.equals("cc") || h.name.equals("bcc")) {
                    rcpts.addAll(addresses(h));
                }
            }
        }
        if (sender == null) {
            throw new MalformedException("no sender: neither x-sender nor a Sender/From header");
        }
        if (rcpts.isEmpty()) {
            throw new MalformedException("no recipients: neither x-receiver nor To/Cc/Bcc");
        }
        headers.stream().filter(h -> !h.name.equals("bcc")).forEach(h -> out.addAll(h.lines));
        out.addAll(lines.subList(i, lines.size()));
        ByteArrayOutputStream msg = new ByteArrayOutputStream(raw.length + 64);
        out.forEach(l -> msg.writeBytes((l + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        boolean eightBit = false;
        for (byte b : raw) {
            eightBit |= b < 0;
        }
        return new Parsed(sender, List.copyOf(rcpts), msg.toByteArray(), eightBit);
    }

    private static MailAddress headerSender(List<Header> headers) throws MalformedException {
        for (String name : List.of("sender", "from")) {
            for (Header h : headers) {
                if (h.name.equals(name)) {
                    List<MailAddress> a = addresses(h);
                    if (!a.isEmpty()) {
                        return a.get(0);
                    }
                }
            }
        }
        return null;
    }

    private static List<MailAddress> addresses(Header h) throws MalformedException {
        String value = String.join(" ", h.lines);
        value = utf8(value.substring(value.indexOf(':') + 1));
        try {
            return AddressListParser.parse(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedException("bad address in " + h.name + ": " + e.getMessage());
        }
    }

    private static MailAddress address(String value, String field) throws MalformedException {
        if (value.strip().equals("<>")) {
            return MailAddress.nullSender(); // a bounce, e.g. a BadMail file dropped back in
        }
        try {
            List<MailAddress> a = AddressListParser.parse(utf8(value));
            if (a.size() != 1) {
                throw new IllegalArgumentException("expected one address, got " + a.size());
            }
            return a.get(0);
        } catch (IllegalArgumentException e) {
            throw new MalformedException("bad " + field + " line: " + e.getMessage());
        }
    }

    /** Lines were split as ISO-8859-1 to keep bytes intact; addresses are UTF-8 (RFC 6532). */
    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** Splits at CRLF, LF or a lone CR, enforcing the line length limit. */
    private static List<String> lines(byte[] raw) throws MalformedException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            boolean end = i == raw.length;
            if (end || raw[i] == '\n' || raw[i] == '\r') {
                if (i - start > MAX_LINE) {
                    throw new MalformedException("line " + (lines.size() + 1) + " is " + (i - start)
                            + " octets, more than the " + MAX_LINE + " of RFC 5322 §2.1.1");
                }
                if (!end || i > start) {
                    lines.add(new String(raw, start, i - start, StandardCharsets.ISO_8859_1));
                }
                if (!end && raw[i] == '\r' && i + 1 < raw.length && raw[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** NUL or many control characters: not a text message (ESC stays legal for ISO-2022-JP). */
    private static void checkBinary(byte[] raw) throws MalformedException {
        int controls = 0;
        for (byte b : raw) {
            if (b == 0) {
                throw new MalformedException("binary content: NUL octet");
            }
            if ((b > 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f' && b != 0x1b) || b == 0x7f) {
                controls++;
            }
        }
        if (controls > 8 && controls > raw.length / 100) {
            throw new MalformedException("binary content: " + controls + " control octets");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static final class Header {
        final String name;
        final List<String> lines = new ArrayList<>();

        Header(String name, String first) {
            this.name = name;
            lines.add(first);
        }
    }
}
