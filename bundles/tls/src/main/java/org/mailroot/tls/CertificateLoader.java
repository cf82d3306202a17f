package org.mailroot.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the configured certificates (PEM pairs first, in order, then the PKCS#12 entries); the
 * first is the default for clients without SNI. Blocking file work: called at activation and by
 * the reload task, never on a network thread.
 */
final class CertificateLoader {
    private CertificateLoader() {
    }

    /** Every configured certificate, or an IOException naming the file that failed. */
    static List<KeyEntry> configured(TlsSettings s) throws IOException {
        List<KeyEntry> entries = new ArrayList<>();
        int n = 0;
        for (TlsSettings.CertificateFiles c : s.certificates()) {
            TlsSettings.CertificateFiles files = c.resolved();
            requireReadable(files.chain(), "certificate");
            if (files.key() != null) {
                requireReadable(files.key(), "privateKey");
            }
            entries.add(PemReader.entry("pem" + n++, files.chain(), files.key()));
        }
        if (s.keystore() != null) {
            requireReadable(s.keystore(), "keystore");
            entries.addAll(Pkcs12Reader.read(s.keystore(), s.keystorePassword().toCharArray()));
        }
        Instant now = Instant.now();
        for (KeyEntry e : entries) {
            if (e.notAfter().isBefore(now)) {
                // still served (refusing TLS would be worse for an MX), but said loudly at load
                org.slf4j.LoggerFactory.getLogger(CertificateLoader.class).warn(
                        "TLS certificate {} from {} EXPIRED on {}", e.leaf().getSubjectX500Principal().getName(),
                        e.source(), e.notAfter());
            }
        }
        return List.copyOf(entries);
    }

    private static void requireReadable(Path file, String key) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(key + " file " + file + " does not exist (or is not a file)");
        }
        if (!Files.isReadable(file)) {
            throw new IOException(key + " file " + file + " is not readable by the server's user");
        }
    }
}
