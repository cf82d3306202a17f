package org.mailroot.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads PEM files as certbot writes them: {@code fullchain.pem} (leaf first, then the
 * intermediates) and {@code privkey.pem} in PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) or SEC 1 ({@code EC PRIVATE KEY}). One file may hold both the chain
 * and the key. Conversion uses the JDK's providers; Bouncy Castle only parses.
 */
final class PemReader {
    private PemReader() {
    }

    /** Certificates and at most one key found in a file. */
    record Contents(List<X509Certificate> certificates, PrivateKey key) {
    }

    static Contents read(Path file) throws IOException {
        List<X509Certificate> certs = new ArrayList<>();
        PrivateKey key = null;
        JcaX509CertificateConverter certConverter = new JcaX509CertificateConverter();
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser pem = new PEMParser(in)) {
            Object o;
            while ((o = pem.readObject()) != null) {
                if (o instanceof X509CertificateHolder holder) {
                    certs.add(certConverter.getCertificate(holder));
                } else if (o instanceof PrivateKeyInfo info) {
                    key = single(key, keyConverter.getPrivateKey(info), file);
                } else if (o instanceof PEMKeyPair pair) {
                    key = single(key, keyConverter.getPrivateKey(pair.getPrivateKeyInfo()), file);
                } else if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new IOException(file + ": the private key is encrypted; Mailroot reads"
                            + " unencrypted keys only (decrypt it: openssl pkey -in KEY -out KEY.pem),"
                            + " and keep the file readable by the server's user only");
                }
                // other objects (parameters, CRLs) are not needed and ignored
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": bad certificate: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) { // BC reports malformed base64/ASN.1 like this
            throw new IOException(file + ": not a valid PEM file: " + e.getMessage(), e);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).startsWith(file.toString())) {
                throw e;
            }
            throw new IOException(file + ": not a valid PEM file: " + e.getMessage(), e);
        }
        return new Contents(List.copyOf(certs), key);
    }

    private static PrivateKey single(PrivateKey existing, PrivateKey found, Path file) throws IOException {
        if (existing != null) {
            throw new IOException(file + ": more than one private key");
        }
        return found;
    }

    /**
     * A certificate entry from a chain file and a key file (the same file when {@code keyFile}
     * is null). The key must belong to the first certificate.
     */
    static KeyEntry entry(String alias, Path chainFile, Path keyFile) throws IOException {
        Contents chain = read(chainFile);
        if (chain.certificates().isEmpty()) {
            throw new IOException(chainFile + ": no CERTIFICATE block");
        }
        PrivateKey key = keyFile == null ? chain.key() : read(keyFile).key();
        if (key == null) {
            throw new IOException((keyFile == null ? chainFile : keyFile) + ": no PRIVATE KEY block");
        }
        X509Certificate[] certs = chain.certificates().toArray(X509Certificate[]::new);
        KeyMatch.check(key, certs[0], keyFile == null ? chainFile : keyFile);
        return KeyEntry.of(alias, key, certs, chainFile.toString());
    }
}
