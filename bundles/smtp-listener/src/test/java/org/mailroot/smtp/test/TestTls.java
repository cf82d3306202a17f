package org.mailroot.smtp.test;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.mailroot.api.tls.TlsProvider;

/**
 * A TLS provider for listener tests over {@code tls/listener-test.p12} (CN=mx.example.org), and
 * client engines that trust exactly that certificate. Counts the engines it hands out.
 */
public final class TestTls implements TlsProvider {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private final SSLContext server;
    private final SSLContext client;
    public final java.util.concurrent.atomic.AtomicInteger engines = new java.util.concurrent.atomic.AtomicInteger();

    public TestTls() {
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/listener-test.p12")) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SSLEngine newServerEngine(InetSocketAddress peer) {
        engines.incrementAndGet();
        SSLEngine e = server.createSSLEngine();
        e.setUseClientMode(false);
        e.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return e;
    }

    @Override
    public String description() {
        return "CN=mx.example.org (test)";
    }

    /** A client engine that checks the server's name (mx.example.org) and trusts the test certificate. */
    public SSLEngine clientEngine() {
        SSLEngine e = client.createSSLEngine("mx.example.org", 25);
        e.setUseClientMode(true);
        SSLParameters p = e.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 6125 name check, as mail clients do
        e.setSSLParameters(p);
        return e;
    }
}
