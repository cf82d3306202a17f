package org.mailroot.smtp.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mailroot.api.Envelope;
import org.mailroot.api.MailAddress;
import org.mailroot.api.Recipient;
import org.mailroot.smtp.codec.MessageBuffer;
import org.mailroot.smtp.codec.TextLineChecker;

/** One mail transaction (MAIL, RCPT..., DATA or BDAT), discarded by RSET, EHLO or its end. */
public final class Transaction {
    private final MailAddress sender;
    private final Map<String, String> parameters;
    private final Envelope.Body body;
    private final boolean smtpUtf8;
    private final Envelope.Ret ret;
    private final String envelopeId;
    private final List<Recipient> recipients = new ArrayList<>();
    private MessageBuffer message;
    private TextLineChecker chunkChecker;

    public Transaction(MailAddress sender, Map<String, String> parameters, Envelope.Body body,
            boolean smtpUtf8, Envelope.Ret ret, String envelopeId) {
        this.sender = sender;
        // SenderFilter gets null for flags (SMTPUTF8), which Map.copyOf refuses
        this.parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        this.body = body;
        this.smtpUtf8 = smtpUtf8;
        this.ret = ret;
        this.envelopeId = envelopeId;
    }

    public MailAddress sender() { return sender; }
    public Map<String, String> parameters() { return parameters; }
    public Envelope.Body body() { return body; }
    public boolean smtpUtf8() { return smtpUtf8; }
    public Envelope.Ret ret() { return ret; }
    public String envelopeId() { return envelopeId; }
    public List<Recipient> recipients() { return recipients; }

    /** The message being received, or null before DATA/the first BDAT. */
    public MessageBuffer message() { return message; }

    public void message(MessageBuffer buffer, TextLineChecker checker) {
        this.message = buffer;
        this.chunkChecker = checker;
    }

    public TextLineChecker chunkChecker() { return chunkChecker; }

    /** Drops any message bytes held. */
    public void release() {
        if (message != null) {
            message.release();
        }
    }
}
