package org.mailroot.tls;

import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * One server certificate: its private key, its chain (leaf first) and the host names it is valid
 * for (subjectAltName dNSName entries, else the subject CN, as RFC 6125 §6.4.4 allows), which
 * SNI selection matches against. {@code source} says where it came from, for logs.
 */
record KeyEntry(String alias, PrivateKey key, X509Certificate[] chain, List<String> names, String source) {

    static KeyEntry of(String alias, PrivateKey key, X509Certificate[] chain, String source) {
        return new KeyEntry(alias, key, chain.clone(), names(chain[0]), source);
    }

    X509Certificate leaf() {
        return chain[0];
    }

    Instant notAfter() {
        return leaf().getNotAfter().toInstant();
    }

    /** The JSSE key type: "RSA", "EC", "EdDSA"... (what the key manager is asked for). */
    String keyType() {
        return key.getAlgorithm();
    }

    /** Whether the certificate covers {@code host}: exact, or a wildcard for one left-most label. */
    boolean matches(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String name : names) {
            if (name.equals(h)) {
                return true;
            }
            if (name.startsWith("*.")) {
                int dot = h.indexOf('.');
                if (dot > 0 && h.substring(dot).equals(name.substring(1))) {
                    return true; // RFC 6125 §6.4.3: the wildcard stands for exactly one label
                }
            }
        }
        return false;
    }

    static List<String> names(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0))) { // dNSName (RFC 5280 §4.2.1.6)
                        names.add(san.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // no usable SAN: fall back to the CN
        }
        if (names.isEmpty()) {
            try {
                for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        names.add(rdn.getValue().toString().toLowerCase(Locale.ROOT));
                    }
                }
            } catch (InvalidNameException e) {
                // a subject we cannot parse: the entry serves only as a default
            }
        }
        return List.copyOf(names);
    }
}
