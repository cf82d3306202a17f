package org.mailroot.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

/**
 * Checks that a private key belongs to a certificate by signing a probe and verifying it with the
 * certificate's public key. A renewal caught half-way (new certificate, old key) is refused here
 * rather than failing every handshake later.
 */
final class KeyMatch {
    private static final byte[] PROBE = "mailroot key check".getBytes(StandardCharsets.US_ASCII);

    private KeyMatch() {
    }

    static void check(PrivateKey key, X509Certificate cert, Path keyFile) throws IOException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> throw new IOException(keyFile + ": unsupported key type " + key.getAlgorithm()
                    + " (RSA, EC or Ed25519 expected)");
        };
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(PROBE);
            if (!verifier.verify(signature)) {
                throw new IOException(keyFile + ": the private key does not belong to the certificate "
                        + cert.getSubjectX500Principal().getName());
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(keyFile + ": the private key does not fit the certificate "
                    + cert.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
    }
}
