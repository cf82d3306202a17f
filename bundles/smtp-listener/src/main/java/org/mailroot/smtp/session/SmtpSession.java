package org.mailroot.smtp.session;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.mailroot.api.SessionInfo;

/**
 * The state of one SMTP session. Mutated only on its channel's event loop; hooks see it through
 * {@link SessionInfo} (the fields they read are volatile since hooks run on worker threads).
 */
public final class SmtpSession implements SessionInfo {
    private static final InetSocketAddress UNKNOWN = new InetSocketAddress(0);

    private final String id;
    private final String listenerName;
    private final String serverName;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile String reverseName;
    private volatile String heloName;
    private volatile boolean extended;
    private volatile boolean secure;
    private volatile String authenticatedUser;
    private SessionState state = SessionState.CONNECTING;
    private Transaction transaction;

    public SmtpSession(String listenerName, String serverName, SocketAddress remote,
            SocketAddress local) {
        this.id = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        this.listenerName = listenerName;
        this.serverName = serverName;
        this.remote = remote instanceof InetSocketAddress r ? r : UNKNOWN;
        this.local = local instanceof InetSocketAddress l ? l : UNKNOWN;
    }

    @Override public String id() { return id; }
    @Override public String listenerName() { return listenerName; }
    @Override public String serverName() { return serverName; }
    @Override public InetSocketAddress remoteAddress() { return remote; }
    @Override public InetSocketAddress localAddress() { return local; }
    @Override public Optional<String> reverseName() { return Optional.ofNullable(reverseName); }
    @Override public Optional<String> heloName() { return Optional.ofNullable(heloName); }
    @Override public boolean extended() { return extended; }
    @Override public boolean secure() { return secure; }
    @Override public Optional<String> authenticatedUser() { return Optional.ofNullable(authenticatedUser); }
    @Override public Map<String, Object> attributes() { return attributes; }

    /** The client's IP address as text, without port. */
    public String clientIp() {
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    /** AUTH succeeded (RFC 4954 §4); it lasts for the rest of the session. */
    public void authenticated(String identity) {
        this.authenticatedUser = identity;
    }

    public void reverseName(String name) {
        this.reverseName = name;
    }

    /** EHLO/HELO: records the name and drops any transaction (RFC 5321 §4.1.4). */
    public void greeted(String name, boolean ehlo) {
        this.heloName = name;
        this.extended = ehlo;
        resetTransaction();
        state = SessionState.READY;
    }

    /** The TLS handshake completed (implicit TLS or after STARTTLS). */
    public void secured() {
        this.secure = true;
    }

    /**
     * STARTTLS accepted (RFC 3207 §4.2): forget everything learnt from the client before TLS,
     * since it may have been injected: the EHLO/HELO name, any transaction and the session
     * attributes; the client must greet again. What the server itself found (the reverse name)
     * stays. Anything else session-scoped that the client set (e.g. an AUTH identity) is reset here.
     */
    public void resetForTls() {
        resetTransaction();
        heloName = null;
        extended = false;
        authenticatedUser = null; // an AUTH done in plaintext (allowPlaintextAuth) does not survive
        attributes.clear();
        state = SessionState.GREETED;
    }

    public SessionState state() {
        return state;
    }

    public void state(SessionState value) {
        this.state = value;
    }

    public Transaction transaction() {
        return transaction;
    }

    public void begin(Transaction t) {
        resetTransaction();
        this.transaction = t;
        state = SessionState.MAIL;
    }

    /** Ends the transaction (RSET, end of message); the session stays greeted. */
    public void resetTransaction() {
        if (transaction != null) {
            transaction.release();
            transaction = null;
        }
        if (state != SessionState.CONNECTING && state != SessionState.GREETED
                && state != SessionState.CLOSED) {
            state = SessionState.READY;
        }
    }

    /** Whether a transaction is open (used by shutdown to let it finish). */
    public boolean inTransaction() {
        return transaction != null;
    }
}
