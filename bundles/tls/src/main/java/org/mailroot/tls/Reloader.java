package org.mailroot.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what state follows: at activation, on a configuration change, and on each watch tick.
 * A certificate that cannot be loaded never replaces one that works: the state in force stays
 * (at the first activation, the self-signed certificate stands in), and the files are tried
 * again as soon as they change. The file stamps are taken before reading, so a change made
 * while reading is seen at the next tick.
 */
final class Reloader {
    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);

    private Reloader() {
    }

    static TlsState initial(TlsSettings s) {
        FileStamps stamps = FileStamps.of(s.watchedFiles());
        if (s.configured()) {
            try {
                return state(CertificateLoader.configured(s), s, false, stamps);
            } catch (IOException e) {
                LOG.error("TLS: cannot load the configured certificate ({}); using a self-signed certificate"
                        + " until the files are fixed (they are watched)", e.getMessage());
            }
        }
        return selfSigned(s, stamps);
    }

    static TlsState reconfigured(TlsSettings s, TlsState current) {
        FileStamps stamps = FileStamps.of(s.watchedFiles());
        if (!s.configured()) {
            return selfSigned(s, stamps);
        }
        try {
            return state(CertificateLoader.configured(s), s, false, stamps);
        } catch (IOException e) {
            LOG.error("TLS: cannot load the configured certificate ({}); keeping the certificate in force",
                    e.getMessage());
            return state(current.entries(), s, current.generated(), stamps);
        }
    }

    static TlsState onTick(TlsSettings s, TlsState current) {
        FileStamps stamps = FileStamps.of(s.watchedFiles());
        if (s.configured() && !stamps.equals(current.stamps())) {
            try {
                TlsState next = state(CertificateLoader.configured(s), s, false, stamps);
                LOG.info("TLS certificate files changed; new sessions use: {}", next.description());
                return next;
            } catch (IOException e) {
                LOG.warn("TLS certificate files changed but cannot be loaded ({}); keeping the certificate"
                        + " in force, trying again when they change", e.getMessage());
                return current.withStamps(stamps);
            }
        }
        if (!s.configured() && current.generated()
                && current.entries().get(0).notAfter().isBefore(Instant.now().plus(SelfSigned.RENEW_BEFORE))) {
            return selfSigned(s, stamps);
        }
        return current;
    }

    private static TlsState selfSigned(TlsSettings s, FileStamps stamps) {
        try {
            SelfSigned.Result r = SelfSigned.obtain(s.selfSignedDir(), s.selfSignedName(), Instant.now());
            if (r.generated()) {
                LOG.warn("TLS: no certificate configured (etc/org.mailroot.tls.cfg); generated a self-signed"
                        + " certificate for {} in {} (clients will not trust it; configure certificate= for a"
                        + " real one)", s.selfSignedName(), s.selfSignedDir());
            } else {
                LOG.info("TLS: using the self-signed certificate for {} kept in {}", s.selfSignedName(),
                        s.selfSignedDir());
            }
            return state(List.of(r.entry()), s, true, stamps);
        } catch (IOException e) {
            // e.g. etc/tls not writable: still serve TLS, with a certificate that lives until restart
            LOG.error("TLS: cannot keep a self-signed certificate in {} ({}); using one in memory only",
                    s.selfSignedDir(), e.getMessage());
            try {
                KeyEntry made = SelfSigned.generate(s.selfSignedName(), Instant.now(), "memory");
                return state(List.of(made), s, true, stamps);
            } catch (IOException again) {
                throw new IllegalStateException("TLS: no certificate at all: " + again.getMessage(), again);
            }
        }
    }

    private static TlsState state(List<KeyEntry> entries, TlsSettings s, boolean generated, FileStamps stamps) {
        try {
            return new TlsState(entries, s, generated, stamps);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS: the JDK refused the key material: " + e.getMessage(), e);
        }
    }
}
