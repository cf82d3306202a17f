package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.Instance;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;
import org.mailroot.itests.harness.TlsFiles;
import org.mailroot.itests.harness.TlsReady;
import org.mailroot.itests.harness.TlsSmtp;

/**
 * A Let's Encrypt style renewal while a TLS session is open: the PEM files in a live folder are
 * replaced; new sessions get the new certificate, the open one goes on and delivers its message.
 */
class CertificateReloadIT {
    private static final Duration RELOADED = Duration.ofSeconds(20);
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @BeforeEach
    void tlsUp() {
        TlsReady.await(server.get());
    }

    @Test
    void renewedFilesServeNewSessionsWhileTheOpenOneContinues() throws Exception {
        Path live = server.instance().base().resolve("letsencrypt/live/mx.itest.example");
        TlsFiles.pemPair(live, "mx.itest.example");
        String first = serial(live);
        server.instance().write(Instance.TLS_CFG, Map.of("certificate", live.toString(), "reloadCheckSeconds", "1"));
        Await.until(RELOADED, "the live folder's certificate in new sessions", () -> first.equals(presentedSerial()));

        try (TlsSmtp open = TlsSmtp.plain(server.port())) {
            open.read();
            open.command("EHLO client.itest.example");
            assertEquals(220, open.command("STARTTLS").code());
            open.upgrade(TlsSmtp.trusting(live.resolve("fullchain.pem")), Instance.SERVER_NAME);
            assertEquals(first, open.peerCertificate().getSerialNumber().toString(16));
            assertEquals(250, open.command("EHLO client.itest.example").code());

            TlsFiles.pemPair(live, "mx.itest.example"); // certbot renew: new files moved into place
            String second = serial(live);
            Await.until(RELOADED, "new sessions to get the renewed certificate " + second,
                    () -> second.equals(presentedSerial()));

            // the session opened before the renewal is not cut and still works
            String subject = "reload-" + UUID.randomUUID();
            assertEquals(250, open.command("MAIL FROM:<sender@client.example>").code());
            assertEquals(250, open.command("RCPT TO:<user@example.com>").code());
            assertEquals(354, open.command("DATA").code());
            open.send("Subject: " + subject + "\r\n\r\nsent across a certificate renewal\r\n.\r\n");
            Smtp.Reply queued = open.read();
            assertEquals(250, queued.code(), queued.toString());
            assertEquals(first, open.peerCertificate().getSerialNumber().toString(16), "its certificate is unchanged");
            server.instance().dropFolder().awaitWith("Subject", subject, RELOADED);
        }
        assertTrue(TlsReady.description(server.get()).contains(live.toString()), TlsReady.description(server.get()));
    }

    /** The serial of the certificate in the live folder now. */
    private static String serial(Path live) throws Exception {
        try (var in = java.nio.file.Files.newInputStream(live.resolve("fullchain.pem"))) {
            var cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                    .getInstance("X.509").generateCertificate(in);
            return cert.getSerialNumber().toString(16);
        }
    }

    /** The serial a new STARTTLS session is shown (null when the handshake fails). */
    private String presentedSerial() {
        try (TlsSmtp c = TlsSmtp.plain(server.port())) {
            c.read();
            c.command("EHLO probe.itest.example");
            c.command("STARTTLS");
            c.upgrade(TlsSmtp.trustingAnything(), Instance.SERVER_NAME, false);
            return c.peerCertificate().getSerialNumber().toString(16);
        } catch (Exception e) {
            return null;
        }
    }
}
