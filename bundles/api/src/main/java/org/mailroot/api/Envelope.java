package org.mailroot.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about a message that is not its content: who sent it, to whom, with which MAIL
 * parameters, and where it came from. Immutable; build one with {@link #builder()}.
 *
 * <p>The spool persists every field, so DSN parameters (RFC 3461) and the route of each
 * recipient survive a restart.
 */
public final class Envelope {
    /** RFC 1652 / RFC 3030 BODY parameter values. */
    public enum Body { SEVEN_BIT, EIGHT_BIT_MIME, BINARY_MIME }

    /** RFC 3461 §4.3 RET parameter values. */
    public enum Ret { FULL, HDRS }

    private final String id;
    private final MailAddress sender;
    private final List<Recipient> recipients;
    private final Body body;
    private final boolean smtpUtf8;
    private final Ret ret;
    private final String envelopeId;
    private final Instant received;
    private final String listenerName;
    private final String clientAddress;
    private final String heloName;
    private final String authenticatedUser;

    private Envelope(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.sender = Objects.requireNonNull(b.sender, "sender");
        this.recipients = List.copyOf(b.recipients);
        this.body = b.body;
        this.smtpUtf8 = b.smtpUtf8;
        this.ret = b.ret;
        this.envelopeId = b.envelopeId;
        this.received = Objects.requireNonNull(b.received, "received");
        this.listenerName = b.listenerName;
        this.clientAddress = b.clientAddress;
        this.heloName = b.heloName;
        this.authenticatedUser = b.authenticatedUser;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this envelope's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).sender(sender).body(body).smtpUtf8(smtpUtf8)
                .received(received).listenerName(listenerName).clientAddress(clientAddress)
                .heloName(heloName).authenticatedUser(authenticatedUser).envelopeId(envelopeId)
                .ret(ret);
        recipients.forEach(b::addRecipient);
        return b;
    }

    /** The message id in the queue, also named in the Received header and the logs. */
    public String id() {
        return id;
    }

    public MailAddress sender() {
        return sender;
    }

    public List<Recipient> recipients() {
        return recipients;
    }

    public Body body() {
        return body;
    }

    /** Whether MAIL FROM carried SMTPUTF8 (RFC 6531 §3.4). */
    public boolean smtpUtf8() {
        return smtpUtf8;
    }

    /** RFC 3461 §4.3 RET, when given. */
    public Optional<Ret> ret() {
        return Optional.ofNullable(ret);
    }

    /** RFC 3461 §4.4 ENVID (xtext-decoded), when given. */
    public Optional<String> envelopeId() {
        return Optional.ofNullable(envelopeId);
    }

    public Instant received() {
        return received;
    }

    /** The virtual server that received the message, or {@code "pickup"}. */
    public String listenerName() {
        return listenerName;
    }

    /** The client's IP address as text, empty for pickup. */
    public String clientAddress() {
        return clientAddress;
    }

    public Optional<String> heloName() {
        return Optional.ofNullable(heloName);
    }

    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(authenticatedUser);
    }

    @Override
    public String toString() {
        return "Envelope[" + id + " from " + sender + " to " + recipients.size() + " recipient(s)]";
    }

    /** Collects an envelope's values; {@code id}, {@code sender} and {@code received} are required. */
    public static final class Builder {
        private String id;
        private MailAddress sender;
        private final List<Recipient> recipients = new ArrayList<>();
        private Body body = Body.SEVEN_BIT;
        private boolean smtpUtf8;
        private Ret ret;
        private String envelopeId;
        private Instant received;
        private String listenerName = "";
        private String clientAddress = "";
        private String heloName;
        private String authenticatedUser;

        private Builder() {
        }

        public Builder id(String value) { this.id = value; return this; }
        public Builder sender(MailAddress value) { this.sender = value; return this; }
        public Builder addRecipient(Recipient value) { this.recipients.add(Objects.requireNonNull(value)); return this; }
        public Builder clearRecipients() { this.recipients.clear(); return this; }
        public Builder body(Body value) { this.body = Objects.requireNonNull(value); return this; }
        public Builder smtpUtf8(boolean value) { this.smtpUtf8 = value; return this; }
        public Builder ret(Ret value) { this.ret = value; return this; }
        public Builder envelopeId(String value) { this.envelopeId = value; return this; }
        public Builder received(Instant value) { this.received = value; return this; }
        public Builder listenerName(String value) { this.listenerName = value == null ? "" : value; return this; }
        public Builder clientAddress(String value) { this.clientAddress = value == null ? "" : value; return this; }
        public Builder heloName(String value) { this.heloName = value; return this; }
        public Builder authenticatedUser(String value) { this.authenticatedUser = value; return this; }

        public Envelope build() {
            return new Envelope(this);
        }
    }
}
