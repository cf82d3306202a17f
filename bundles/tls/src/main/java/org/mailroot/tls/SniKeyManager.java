package org.mailroot.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses the server certificate by the name the client asked for with SNI (RFC 6066 §3). When
 * some certificates cover the name, only those are candidates (the JDK asks once per key type the
 * client accepts, so an RSA certificate for the name beats an EC one for another name);
 * otherwise, or without SNI, the default: the first certificate and any others for one of its
 * names (an RSA + EC pair for the same host). Aliases are the entries' indexes.
 */
final class SniKeyManager extends X509ExtendedKeyManager {
    private final List<KeyEntry> entries;
    private final List<KeyEntry> defaults;

    SniKeyManager(List<KeyEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no certificate");
        }
        this.entries = List.copyOf(entries);
        KeyEntry first = entries.get(0);
        this.defaults = entries.stream()
                .filter(e -> e == first || e.names().stream().anyMatch(first.names()::contains)).toList();
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, requestedName(engine == null ? null : engine.getHandshakeSession()));
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, null); // only engines are used; sockets get the default
    }

    /** The alias for a key type and a requested host name (null: none asked). */
    String choose(String keyType, String host) {
        boolean anyForHost = host != null && entries.stream().anyMatch(e -> e.matches(host));
        for (int i = 0; i < entries.size(); i++) {
            KeyEntry e = entries.get(i);
            boolean candidate = anyForHost ? e.matches(host) : defaults.contains(e);
            if (candidate && e.keyType().equals(keyType)) {
                return Integer.toString(i);
            }
        }
        return null; // no candidate of this key type: the JDK tries the next type the client accepts
    }

    static String requestedName(SSLSession handshake) {
        if (handshake instanceof ExtendedSSLSession ext) {
            for (SNIServerName name : ext.getRequestedServerNames()) {
                if (name.getType() == StandardConstants.SNI_HOST_NAME) {
                    return ((SNIHostName) name).getAsciiName();
                }
            }
        }
        return null;
    }

    private KeyEntry entry(String alias) {
        try {
            int i = Integer.parseInt(alias);
            return i >= 0 && i < entries.size() ? entries.get(i) : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        KeyEntry e = entry(alias);
        return e == null ? null : e.chain().clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        KeyEntry e = entry(alias);
        return e == null ? null : e.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return java.util.stream.IntStream.range(0, entries.size())
                .filter(i -> entries.get(i).keyType().equals(keyType))
                .mapToObj(Integer::toString).toArray(String[]::new);
    }

    // a server only: no client certificates

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
