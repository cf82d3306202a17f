package org.mailroot.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a PKCS#12 file (RFC 7292) with the JDK: every private-key entry becomes a certificate
 * entry, in alias order (the first is the default unless PEM certificates come before it).
 * The key password is the store password, as openssl and keytool write them by default.
 */
final class Pkcs12Reader {
    private Pkcs12Reader() {
    }

    static List<KeyEntry> read(Path file, char[] password) throws IOException {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not a readable PKCS#12 file: " + e.getMessage(), e);
        } catch (IOException e) {
            // KeyStore.load reports a wrong password as an IOException caused by UnrecoverableKeyException
            throw new IOException(file + ": cannot open the PKCS#12 file (wrong keystorePassword?): "
                    + e.getMessage(), e);
        }
        List<KeyEntry> entries = new ArrayList<>();
        try {
            List<String> aliases = Collections.list(store.aliases());
            Collections.sort(aliases);
            for (String alias : aliases) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (!(key instanceof PrivateKey pk) || chain == null || chain.length == 0) {
                    continue;
                }
                X509Certificate[] certs = new X509Certificate[chain.length];
                for (int i = 0; i < chain.length; i++) {
                    certs[i] = (X509Certificate) chain[i];
                }
                KeyMatch.check(pk, certs[0], file);
                entries.add(KeyEntry.of(alias, pk, certs, file + "#" + alias));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": cannot read a key entry: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new IOException(file + ": no private key entry");
        }
        return entries;
    }
}
