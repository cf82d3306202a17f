package org.mailroot.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test certificates: RSA or EC, any names, written as PEM (PKCS#8, PKCS#1, SEC 1) or PKCS#12. */
final class TestCerts {
    record Cert(PrivateKey key, X509Certificate cert) {
        String cn() {
            return cert.getSubjectX500Principal().getName();
        }
    }

    private TestCerts() {
    }

    static Cert create(String keyAlgorithm, String... names) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(keyAlgorithm);
        if (keyAlgorithm.equals("EC")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            g.initialize(2048);
        }
        KeyPair pair = g.generateKeyPair();
        X500Name subject = new X500Name("CN=" + names[0]);
        Instant now = Instant.now();
        var b = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(System.nanoTime()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                subject, pair.getPublic());
        GeneralName[] sans = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            sans[i] = new GeneralName(GeneralName.dNSName, names[i]);
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
        String sig = keyAlgorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder(sig).build(pair.getPrivate())));
        return new Cert(pair.getPrivate(), cert);
    }

    /** PEM of the certificate. */
    static String certPem(Cert c) throws IOException {
        return pem(c.cert());
    }

    /** The key as PKCS#8 ("PRIVATE KEY", as certbot writes it). */
    static String pkcs8Pem(Cert c) throws IOException {
        return pem(new JcaPKCS8Generator(c.key(), null));
    }

    /**
     * The key in the traditional OpenSSL form: "RSA PRIVATE KEY" (PKCS#1), or "EC PRIVATE KEY"
     * (SEC 1) with the named curve inside, as openssl and certbot write it.
     */
    static String traditionalPem(Cert c) throws IOException {
        if (!c.key().getAlgorithm().equals("EC")) {
            return pem(c.key());
        }
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(c.key().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ECPrivateKey sec1 = new ECPrivateKey(256, inner.getKey(), null,
                info.getPrivateKeyAlgorithm().getParameters());
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        }
        return out.toString();
    }

    static String pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        }
        return out.toString();
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }

    /** A PKCS#12 file holding each certificate under alias a, b, c... */
    static Path pkcs12(Path file, String password, Cert... certs) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < certs.length; i++) {
            ks.setKeyEntry(String.valueOf((char) ('a' + i)), certs[i].key(), password.toCharArray(),
                    new X509Certificate[] {certs[i].cert()});
        }
        try (var out = Files.newOutputStream(file)) {
            ks.store(out, password.toCharArray());
        }
        return file;
    }
}
