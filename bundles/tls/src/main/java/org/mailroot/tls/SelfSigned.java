package org.mailroot.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The fallback certificate when none is configured: RSA 2048 (the key every SMTP client can use),
 * self-signed for the server's FQDN, valid {@link #VALIDITY}. It is kept in
 * {@code etc/tls/selfsigned-cert.pem} and {@code selfsigned-key.pem} (owner-only) so that it stays
 * the same across restarts (clients that pinned it keep working), and made again when the name
 * changes or fewer than {@link #RENEW_BEFORE} are left.
 */
final class SelfSigned {
    static final Duration VALIDITY = Duration.ofDays(3 * 365);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    static final String CERT_FILE = "selfsigned-cert.pem";
    static final String KEY_FILE = "selfsigned-key.pem";

    /** The certificate and whether it was made now (rather than read from disk). */
    record Result(KeyEntry entry, boolean generated) {
    }

    private SelfSigned() {
    }

    /** Reads the kept certificate if it fits {@code name}, else makes and keeps a new one. */
    static Result obtain(Path dir, String name, Instant now) throws IOException {
        Path cert = dir.resolve(CERT_FILE);
        Path key = dir.resolve(KEY_FILE);
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            try {
                KeyEntry kept = PemReader.entry("selfsigned", cert, key);
                if (kept.matches(name) && kept.notAfter().isAfter(now.plus(RENEW_BEFORE))) {
                    return new Result(kept, false);
                }
            } catch (IOException unreadable) {
                // damaged or foreign files: replaced below
            }
        }
        KeyEntry made = generate(name, now, cert.toString());
        Files.createDirectories(dir);
        OwnerOnlyFiles.write(key, pem(made.key()));       // the key first: never a cert without its key
        OwnerOnlyFiles.write(cert, pem(made.leaf()));
        return new Result(KeyEntry.of("selfsigned", made.key(), made.chain(), cert.toString()), true);
    }

    static KeyEntry generate(String name, Instant now, String source) throws IOException {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, new SecureRandom());
            KeyPair pair = g.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "Mailroot self-signed").addRDN(BCStyle.CN, name).build(); // shown CN first
            BigInteger serial = new BigInteger(127, new SecureRandom()); // RFC 5280 §4.1.2.2: positive, unique
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)),
                    subject, pair.getPublic());
            // RFC 6125 §6.4.4 / CA/B rules: the name must be in subjectAltName for clients to match it
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(isIpLiteral(name) ? GeneralName.iPAddress
                            : GeneralName.dNSName, name)));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer));
            return KeyEntry.of("selfsigned", pair.getPrivate(), new X509Certificate[] {cert}, source);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot generate a self-signed certificate for " + name + ": " + e.getMessage(), e);
        }
    }

    /** The local FQDN falls back to the address when the host has no name in DNS. */
    static boolean isIpLiteral(String name) {
        return name.indexOf(':') >= 0 || name.matches("[0-9.]+");
    }

    static String pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        }
        return out.toString();
    }
}
