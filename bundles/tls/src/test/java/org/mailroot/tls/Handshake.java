package org.mailroot.tls;

import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** A real TLS handshake between a client engine and a server engine, in memory. */
final class Handshake {
    private static final X509TrustManager TRUST_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private Handshake() {
    }

    /** A client that trusts the given certificates (null: trusts all), asks for {@code sni} (null: none). */
    static SSLEngine client(String sni, String protocol, X509Certificate... trusted) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < trusted.length; i++) {
            ks.setCertificateEntry("t" + i, trusted[i]);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        // none given: accept any certificate (the test then checks which one it got)
        ctx.init(null, trusted.length == 0 ? new TrustManager[] {TRUST_ALL} : tmf.getTrustManagers(), null);
        SSLEngine e = ctx.createSSLEngine(sni == null ? "client" : sni, 25);
        e.setUseClientMode(true);
        SSLParameters p = e.getSSLParameters();
        p.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        if (protocol != null) {
            p.setProtocols(new String[] {protocol});
        }
        e.setSSLParameters(p);
        return e;
    }

    /** Runs the handshake; returns the certificate the server presented. */
    static X509Certificate run(SSLEngine client, SSLEngine server) throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        ByteBuffer c2s = ByteBuffer.allocate(1 << 17);
        ByteBuffer s2c = ByteBuffer.allocate(1 << 17);
        ByteBuffer app = ByteBuffer.allocate(1 << 17);
        for (int i = 0; i < 100; i++) {
            if (done(client) && done(server)) {
                return (X509Certificate) client.getSession().getPeerCertificates()[0];
            }
            step(client, c2s, s2c, app);
            step(server, s2c, c2s, app);
        }
        throw new SSLException("handshake did not finish");
    }

    private static boolean done(SSLEngine e) {
        HandshakeStatus s = e.getHandshakeStatus();
        return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
    }

    /** The engine writes into {@code out} and reads what its peer wrote into {@code in}. */
    private static void step(SSLEngine e, ByteBuffer out, ByteBuffer in, ByteBuffer app) throws SSLException {
        e.wrap(ByteBuffer.allocate(0), out);
        tasks(e);
        in.flip();
        e.unwrap(in, app);
        in.compact();
        tasks(e);
        app.clear();
    }

    private static void tasks(SSLEngine e) {
        Runnable t;
        while ((t = e.getDelegatedTask()) != null) {
            t.run();
        }
    }
}
