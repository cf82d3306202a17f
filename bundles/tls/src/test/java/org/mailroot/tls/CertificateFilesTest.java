package org.mailroot.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM (certbot layout, PKCS#8, PKCS#1, SEC 1, combined) and PKCS#12 loading, and the refusals. */
class CertificateFilesTest {
    @TempDir
    Path dir;

    @Test
    void certbotFullchainAndPkcs8Key() throws Exception {
        TestCerts.Cert leaf = TestCerts.create("RSA", "mx.example.org", "smtp.example.org");
        TestCerts.Cert intermediate = TestCerts.create("RSA", "Intermediate CA");
        Path chain = TestCerts.write(dir.resolve("fullchain.pem"), TestCerts.certPem(leaf) + TestCerts.certPem(intermediate));
        Path key = TestCerts.write(dir.resolve("privkey.pem"), TestCerts.pkcs8Pem(leaf));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));

        KeyEntry e = PemReader.entry("x", chain, key);
        assertEquals(2, e.chain().length, "the intermediate is sent too");
        assertEquals(leaf.cert(), e.leaf());
        assertEquals(List.of("mx.example.org", "smtp.example.org"), e.names());
        assertEquals("RSA", e.keyType());
    }

    @Test
    void pkcs1RsaAndSec1EcKeys() throws Exception {
        TestCerts.Cert rsa = TestCerts.create("RSA", "rsa.example.org");
        TestCerts.Cert ec = TestCerts.create("EC", "ec.example.org");
        Path rsaKey = TestCerts.write(dir.resolve("rsa.key"), TestCerts.traditionalPem(rsa));
        Path ecKey = TestCerts.write(dir.resolve("ec.key"), TestCerts.traditionalPem(ec));
        assertTrue(Files.readString(rsaKey).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertTrue(Files.readString(ecKey).startsWith("-----BEGIN EC PRIVATE KEY-----"));

        assertEquals("RSA", PemReader.entry("r", TestCerts.write(dir.resolve("rsa.pem"), TestCerts.certPem(rsa)), rsaKey).keyType());
        assertEquals("EC", PemReader.entry("e", TestCerts.write(dir.resolve("ec.pem"), TestCerts.certPem(ec)), ecKey).keyType());
    }

    @Test
    void oneFileWithChainAndKey() throws Exception {
        TestCerts.Cert c = TestCerts.create("EC", "both.example.org");
        Path both = TestCerts.write(dir.resolve("both.pem"), TestCerts.pkcs8Pem(c) + TestCerts.certPem(c));
        assertEquals(c.cert(), PemReader.entry("b", both, null).leaf());
    }

    @Test
    void letsEncryptLiveFolder() throws Exception {
        TestCerts.Cert c = TestCerts.create("RSA", "mx.example.org");
        Path live = Files.createDirectories(dir.resolve("live/mx.example.org"));
        TestCerts.write(live.resolve("fullchain.pem"), TestCerts.certPem(c));
        TestCerts.write(live.resolve("privkey.pem"), TestCerts.pkcs8Pem(c));
        TlsSettings s = settings(List.of(new TlsSettings.CertificateFiles(live, null)), null, "");

        List<KeyEntry> entries = CertificateLoader.configured(s);
        assertEquals(c.cert(), entries.get(0).leaf());
        assertEquals(List.of(live.resolve("fullchain.pem"), live.resolve("privkey.pem")), s.watchedFiles());
    }

    @Test
    void keyOfAnotherCertificateIsRefused() throws Exception {
        TestCerts.Cert a = TestCerts.create("RSA", "a.example.org");
        TestCerts.Cert b = TestCerts.create("RSA", "b.example.org");
        Path chain = TestCerts.write(dir.resolve("a.pem"), TestCerts.certPem(a));
        Path key = TestCerts.write(dir.resolve("b.key"), TestCerts.pkcs8Pem(b));
        IOException e = assertThrows(IOException.class, () -> PemReader.entry("x", chain, key));
        assertTrue(e.getMessage().contains("does not belong") && e.getMessage().contains("b.key"), e.getMessage());
    }

    @Test
    void missingKeyEncryptedKeyAndGarbageAreNamed() throws Exception {
        TestCerts.Cert a = TestCerts.create("RSA", "a.example.org");
        Path chain = TestCerts.write(dir.resolve("a.pem"), TestCerts.certPem(a));
        assertTrue(assertThrows(IOException.class, () -> PemReader.entry("x", chain, null))
                .getMessage().contains("no PRIVATE KEY"));

        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                .setPassword("secret".toCharArray()).build();
        Path encrypted = TestCerts.write(dir.resolve("enc.key"), TestCerts.pem(new JcaPKCS8Generator(a.key(), encryptor)));
        assertTrue(assertThrows(IOException.class, () -> PemReader.entry("x", chain, encrypted))
                .getMessage().contains("encrypted"));

        Path garbage = TestCerts.write(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n");
        assertTrue(assertThrows(IOException.class, () -> PemReader.entry("x", garbage, null))
                .getMessage().contains("garbage.pem"));

        TlsSettings missing = settings(List.of(new TlsSettings.CertificateFiles(dir.resolve("nope.pem"), null)), null, "");
        assertTrue(assertThrows(IOException.class, () -> CertificateLoader.configured(missing))
                .getMessage().contains("nope.pem does not exist"));
    }

    @Test
    void pkcs12EntriesInAliasOrderAndWrongPassword() throws Exception {
        TestCerts.Cert a = TestCerts.create("RSA", "a.example.org");
        TestCerts.Cert b = TestCerts.create("EC", "b.example.org");
        Path p12 = TestCerts.pkcs12(dir.resolve("server.p12"), "changeit", a, b);

        List<KeyEntry> entries = Pkcs12Reader.read(p12, "changeit".toCharArray());
        assertEquals(List.of("a.example.org", "b.example.org"), entries.stream().map(e -> e.names().get(0)).toList());

        IOException e = assertThrows(IOException.class, () -> Pkcs12Reader.read(p12, "wrong".toCharArray()));
        assertTrue(e.getMessage().contains("keystorePassword"), e.getMessage());
    }

    @Test
    void pemCertificatesComeBeforeKeystoreEntries() throws Exception {
        TestCerts.Cert pem = TestCerts.create("RSA", "pem.example.org");
        TestCerts.Cert p12 = TestCerts.create("RSA", "p12.example.org");
        Path chain = TestCerts.write(dir.resolve("c.pem"), TestCerts.certPem(pem) + TestCerts.pkcs8Pem(pem));
        TlsSettings s = settings(List.of(new TlsSettings.CertificateFiles(chain, null)),
                TestCerts.pkcs12(dir.resolve("s.p12"), "pw", p12), "pw");
        assertEquals(List.of("pem.example.org", "p12.example.org"),
                CertificateLoader.configured(s).stream().map(e -> e.names().get(0)).toList());
    }

    private TlsSettings settings(List<TlsSettings.CertificateFiles> certs, Path keystore, String password) {
        return new TlsSettings(certs, keystore, password, Policy.PROTOCOLS, Policy.SUITES, "localhost", 0, dir.resolve("tls"));
    }
}
