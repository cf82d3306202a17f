package org.mailroot.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds {@link TlsSettings} from the configuration one key at a time: a key whose value is
 * refused keeps its previous value (the default at the first activation) and is reported, so one
 * typo does not throw away the certificate settings (CONVENTIONS "Invalid configuration").
 */
final class TlsSettingsParser {
    private TlsSettingsParser() {
    }

    static TlsSettings parse(ConfigValues c, Path base, TlsSettings previous,
            Consumer<InvalidSettingException> refused) {
        TlsSettings old = previous != null ? previous : defaults(base);
        List<TlsSettings.CertificateFiles> certs = take(refused, old.certificates(), () -> certificates(c, base));
        Path keystore = take(refused, old.keystore(), () -> c.keystore().isBlank() ? null
                : base.resolve(c.keystore().strip()).toAbsolutePath().normalize());
        List<String> protocols = take(refused, old.protocols(),
                () -> Policy.parse("protocols", c.protocols(), Policy.PROTOCOLS));
        List<String> suites = take(refused, old.cipherSuites(),
                () -> Policy.parse("cipherSuites", c.cipherSuites(), Policy.SUITES));
        String name = take(refused, old.selfSignedName(), () -> hostName(c.selfSignedName()));
        int reload = take(refused, old.reloadCheckSeconds(), () -> {
            if (c.reloadCheckSeconds() < 0 || c.reloadCheckSeconds() > 3600) {
                throw new InvalidSettingException("reloadCheckSeconds", c.reloadCheckSeconds(),
                        "0..3600 (0 = do not watch the files)");
            }
            return c.reloadCheckSeconds();
        });
        return new TlsSettings(certs, keystore, c.keystorePassword(), protocols, suites, name, reload,
                old.selfSignedDir());
    }

    /** The settings of an empty configuration (self-signed certificate, default policy). */
    static TlsSettings defaults(Path base) {
        return new TlsSettings(List.of(), null, "", Policy.PROTOCOLS, Policy.SUITES,
                localName(), 5, base.resolve("etc").resolve("tls").toAbsolutePath().normalize());
    }

    private static List<TlsSettings.CertificateFiles> certificates(ConfigValues c, Path base) {
        List<Path> chains = TlsSettings.paths(base, c.certificate());
        List<Path> keys = TlsSettings.paths(base, c.privateKey());
        if (!keys.isEmpty() && keys.size() != chains.size()) {
            throw new InvalidSettingException("privateKey", c.privateKey(), "one key file per certificate"
                    + " file, in the same order (" + chains.size() + " certificate(s) configured), or empty"
                    + " when each certificate file holds its key or names a Let's Encrypt live folder");
        }
        List<TlsSettings.CertificateFiles> out = new ArrayList<>();
        for (int i = 0; i < chains.size(); i++) {
            out.add(new TlsSettings.CertificateFiles(chains.get(i), keys.isEmpty() ? null : keys.get(i)));
        }
        return List.copyOf(out);
    }

    private static String hostName(String configured) {
        String name = configured.strip();
        if (name.isEmpty()) {
            return localName();
        }
        // RFC 1123 §2.1 host name: letters, digits, hyphens, dots
        if (!name.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?")) {
            throw new InvalidSettingException("selfSignedName", configured, "a host name (e.g. mx.example.org), or empty for the local FQDN");
        }
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** The local host's FQDN; may query DNS, so only called at activation (never on a network thread). */
    static String localName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName().toLowerCase(java.util.Locale.ROOT);
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static <T> T take(Consumer<InvalidSettingException> refused, T old, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidSettingException e) {
            refused.accept(e);
            return old;
        }
    }
}
