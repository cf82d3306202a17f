package org.mailroot.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * The protocol policy: TLS 1.3 and 1.2 only (RFC 8996 deprecates 1.0 and 1.1), and only AEAD
 * suites with forward secrecy: no RSA key exchange, no CBC, no SHA-1 MAC, no RC4/3DES/NULL.
 * The order is the server's preference (it is enforced).
 */
final class Policy {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Mozilla "intermediate" (2025) in JSSE names: TLS 1.3 suites, then ECDHE/DHE AEAD for 1.2. */
    static final List<String> SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private Policy() {
    }

    /** The configured list, or the default when empty; each must be one of {@code allowed}. */
    static List<String> parse(String key, String value, List<String> allowed) {
        List<String> chosen = Arrays.stream(value.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (chosen.isEmpty()) {
            return allowed;
        }
        for (String s : chosen) {
            if (!allowed.contains(s)) {
                throw new InvalidSettingException(key, value, String.join(",", allowed));
            }
        }
        return chosen;
    }

    /** The suites of {@code wanted} this JDK supports, in order (a JDK may lack CHACHA20). */
    static String[] supported(List<String> wanted, SSLContext context) {
        Set<String> jdk = Set.of(context.getSupportedSSLParameters().getCipherSuites());
        List<String> out = new ArrayList<>();
        for (String s : wanted) {
            if (jdk.contains(s)) {
                out.add(s);
            }
        }
        return out.toArray(String[]::new);
    }
}
