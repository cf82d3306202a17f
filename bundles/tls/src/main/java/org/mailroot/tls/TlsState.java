package org.mailroot.tls;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * What is in force: one SSLContext over the loaded certificates and the protocol policy.
 * Immutable; a reload builds a new state and swaps it in, so engines made before keep theirs.
 */
final class TlsState {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final SSLContext context;
    private final List<KeyEntry> entries;
    private final String[] protocols;
    private final String[] suites;
    private final boolean generated;
    private final FileStamps stamps;

    TlsState(List<KeyEntry> entries, TlsSettings settings, boolean generated, FileStamps stamps)
            throws GeneralSecurityException {
        this.entries = List.copyOf(entries);
        this.context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new SniKeyManager(entries)}, null, new SecureRandom());
        this.protocols = settings.protocols().toArray(String[]::new);
        this.suites = Policy.supported(settings.cipherSuites(), context);
        this.generated = generated;
        this.stamps = stamps;
    }

    SSLEngine newEngine(InetSocketAddress peer) {
        SSLEngine engine = peer == null ? context.createSSLEngine()
                : context.createSSLEngine(peer.getHostString(), peer.getPort());
        engine.setUseClientMode(false);
        SSLParameters p = engine.getSSLParameters();
        p.setProtocols(protocols);
        p.setCipherSuites(suites);
        p.setUseCipherSuitesOrder(true); // the server's order: strongest first
        p.setNeedClientAuth(false);
        engine.setSSLParameters(p);
        return engine;
    }

    List<KeyEntry> entries() {
        return entries;
    }

    boolean generated() {
        return generated;
    }

    FileStamps stamps() {
        return stamps;
    }

    TlsState withStamps(FileStamps next) {
        return new TlsState(entries, protocols, suites, generated, next, context);
    }

    private TlsState(List<KeyEntry> entries, String[] protocols, String[] suites, boolean generated,
            FileStamps stamps, SSLContext context) {
        this.entries = entries;
        this.protocols = protocols;
        this.suites = suites;
        this.generated = generated;
        this.stamps = stamps;
        this.context = context;
    }

    /** One line: the default certificate, then how many more serve SNI. */
    String description() {
        KeyEntry d = entries.get(0);
        StringBuilder sb = new StringBuilder(d.leaf().getSubjectX500Principal().getName())
                .append(", names ").append(d.names()).append(", valid until ").append(DAY.format(d.notAfter()))
                .append(generated ? ", self-signed (generated, not trusted by clients) in " : ", from ")
                .append(d.source());
        if (entries.size() > 1) {
            sb.append(" (+").append(entries.size() - 1).append(" more for SNI: ");
            for (int i = 1; i < entries.size(); i++) {
                sb.append(i > 1 ? ", " : "").append(entries.get(i).names());
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
