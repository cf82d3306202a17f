package org.mailroot.itests.harness;

import java.time.Duration;
import org.osgi.framework.InvalidSyntaxException;

/** Waits for the TLS bundle's provider: at the first start it generates its certificate first. */
public final class TlsReady {
    private TlsReady() {
    }

    /**
     * Until the TlsProvider serves the certificate generated for {@link Instance#SERVER_NAME}
     * (the component may first start without etc/org.mailroot.tls.cfg, for the host's own name).
     */
    public static void await(InProcessServer server) {
        Await.until(Duration.ofSeconds(30), "the TLS provider with a certificate for " + Instance.SERVER_NAME, () -> {
            String d = description(server);
            return d != null && d.contains("names [" + Instance.SERVER_NAME + "]")
                    && java.nio.file.Files.isRegularFile(server.instance().generatedCertificate());
        });
    }

    /** The certificate description the provider announces now. */
    public static String description(InProcessServer server) {
        try {
            var refs = server.context().getAllServiceReferences(null, "(mailroot.tls.certificate=*)");
            return refs == null ? null : String.valueOf(refs[0].getProperty("mailroot.tls.certificate"));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
