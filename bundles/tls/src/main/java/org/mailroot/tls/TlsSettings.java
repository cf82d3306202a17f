package org.mailroot.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The validated configuration of the TLS bundle, immutable; file paths are absolute (relative
 * ones are resolved against the instance folder). {@code certificates} pair each chain with its
 * key file, or with null when the key is in the same file or the path is a Let's Encrypt
 * {@code live/<name>} folder ({@code fullchain.pem} + {@code privkey.pem}).
 */
record TlsSettings(List<CertificateFiles> certificates, Path keystore, String keystorePassword,
        List<String> protocols, List<String> cipherSuites, String selfSignedName,
        int reloadCheckSeconds, Path selfSignedDir) {

    /** One configured certificate: a chain file (or a Let's Encrypt live folder) and its key file. */
    record CertificateFiles(Path chain, Path key) {
        /** The files to read: certbot's names inside a folder, else as configured. */
        CertificateFiles resolved() {
            if (key == null && java.nio.file.Files.isDirectory(chain)) {
                return new CertificateFiles(chain.resolve("fullchain.pem"), chain.resolve("privkey.pem"));
            }
            return this;
        }
    }

    /** Whether any certificate is configured (otherwise the self-signed one is used). */
    boolean configured() {
        return !certificates.isEmpty() || keystore != null;
    }

    /** The files whose change triggers a reload. */
    List<Path> watchedFiles() {
        List<Path> files = new ArrayList<>();
        for (CertificateFiles c : certificates) {
            CertificateFiles r = c.resolved();
            files.add(r.chain());
            if (r.key() != null) {
                files.add(r.key());
            }
        }
        if (keystore != null) {
            files.add(keystore);
        }
        return files;
    }

    static List<Path> paths(Path base, String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> base.resolve(s).toAbsolutePath().normalize()).toList();
    }

    /** Keys shown in logs without their secret. */
    @Override
    public String toString() {
        return "certificates=" + certificates + ", keystore=" + keystore
                + (keystorePassword.isEmpty() ? "" : ", keystorePassword=***") + ", protocols=" + protocols
                + ", cipherSuites=" + cipherSuites.size() + " suites, selfSignedName=" + selfSignedName
                + ", reloadCheckSeconds=" + reloadCheckSeconds;
    }
}
