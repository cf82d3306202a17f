package org.mailroot.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Certificate choice by SNI (RFC 6066 §3), over real handshakes, and the protocol policy. */
class SniAndPolicyTest {
    static TestCerts.Cert a;
    static TestCerts.Cert b;
    static TestCerts.Cert ec;
    static TestCerts.Cert wild;
    static TlsState state;

    @BeforeAll
    static void certificates() throws Exception {
        a = TestCerts.create("RSA", "a.example.org");
        b = TestCerts.create("RSA", "b.example.org", "mx.b.example.org");
        ec = TestCerts.create("EC", "c.example.org");
        wild = TestCerts.create("RSA", "*.d.example.org");
        state = new TlsState(List.of(entry(a), entry(b), entry(ec), entry(wild)),
                TlsSettingsParser.defaults(java.nio.file.Path.of(".")), false, FileStamps.NONE);
    }

    static KeyEntry entry(TestCerts.Cert c) {
        return KeyEntry.of(c.cn(), c.key(), new X509Certificate[] {c.cert()}, "test");
    }

    @Test
    void choosesByRequestedNameElseTheDefault() {
        SniKeyManager km = new SniKeyManager(List.of(entry(a), entry(b), entry(ec), entry(wild)));
        assertEquals("1", km.choose("RSA", "b.example.org"));
        assertEquals("1", km.choose("RSA", "MX.B.example.org."), "case and a trailing dot do not matter");
        assertEquals("0", km.choose("RSA", null), "no SNI: the first certificate");
        assertEquals("0", km.choose("RSA", "unknown.example.net"), "no match: the first certificate");
        assertNull(km.choose("EC", "b.example.org"), "b has no EC key: the JDK then asks for RSA");
        assertEquals("2", km.choose("EC", "c.example.org"));
        assertNull(km.choose("EC", null), "the default (a) has no EC key: the JDK then asks for RSA");
        assertEquals("3", km.choose("RSA", "mx.d.example.org"));
        assertEquals("0", km.choose("RSA", "d.example.org"), "a wildcard needs one label");
        assertEquals("0", km.choose("RSA", "a.mx.d.example.org"), "a wildcard covers one label only");
    }

    @Test
    void anEcAndRsaPairForTheDefaultNameBothServeTheDefault() {
        TestCerts.Cert aEc;
        try {
            aEc = TestCerts.create("EC", "a.example.org");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        SniKeyManager km = new SniKeyManager(List.of(entry(a), entry(b), entry(aEc)));
        assertEquals("2", km.choose("EC", null));
        assertEquals("0", km.choose("RSA", null));
    }

    @Test
    void handshakesPresentTheCertificateForTheRequestedName() throws Exception {
        assertEquals(b.cert(), Handshake.run(Handshake.client("b.example.org", null, b.cert()), state.newEngine(null)));
        assertEquals(wild.cert(), Handshake.run(Handshake.client("mx.d.example.org", null, wild.cert()), state.newEngine(null)));
        assertEquals(a.cert(), Handshake.run(Handshake.client(null, null, a.cert()), state.newEngine(null)));
        SSLEngine tls12 = Handshake.client("b.example.org", "TLSv1.2", b.cert());
        assertEquals(b.cert(), Handshake.run(tls12, state.newEngine(null)));
        assertEquals("TLSv1.2", tls12.getSession().getProtocol());
    }

    @Test
    void onlyTls13And12WithForwardSecretAeadSuites() throws Exception {
        SSLEngine e = state.newEngine(null);
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, e.getEnabledProtocols());
        assertFalse(e.getUseClientMode());
        for (String suite : e.getEnabledCipherSuites()) {
            assertFalse(suite.contains("_CBC_") || suite.endsWith("_SHA") || suite.startsWith("TLS_RSA_")
                    || suite.contains("NULL") || suite.contains("RC4") || suite.contains("3DES"), suite);
        }
        assertTrue(List.of(e.getEnabledCipherSuites()).contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
    }

    @Test
    void aClientOfferingOnlyCbcOrRsaKeyExchangeIsRefused() throws Exception {
        for (String suite : List.of("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256")) {
            SSLEngine client = Handshake.client(null, "TLSv1.2", a.cert());
            client.setEnabledCipherSuites(new String[] {suite});
            assertThrows(SSLHandshakeException.class, () -> Handshake.run(client, state.newEngine(null)), suite);
        }
    }

    @Test
    void configuredListsMustStayInsideThePolicy() {
        assertEquals(List.of("TLSv1.3"), Policy.parse("protocols", " TLSv1.3 ", Policy.PROTOCOLS));
        assertEquals(Policy.PROTOCOLS, Policy.parse("protocols", "", Policy.PROTOCOLS));
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Policy.parse("protocols", "TLSv1.3,TLSv1.1", Policy.PROTOCOLS));
        assertEquals("protocols", e.key());
        assertEquals("TLSv1.3,TLSv1.2", e.allowed());
        assertThrows(InvalidSettingException.class,
                () -> Policy.parse("cipherSuites", "TLS_RSA_WITH_AES_128_CBC_SHA", Policy.SUITES));
    }
}
