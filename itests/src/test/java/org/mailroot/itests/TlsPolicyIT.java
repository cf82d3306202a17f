package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.Instance;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.TlsFiles;
import org.mailroot.itests.harness.TlsReady;
import org.mailroot.itests.harness.TlsSmtp;

/**
 * The protocol policy seen from outside, with OpenSSL's s_client as the peer: TLS 1.1 and CBC
 * suites are refused while TLS 1.2/1.3 with AEAD work; and SNI chooses among the certificates of
 * a PKCS#12 store configured live.
 */
class TlsPolicyIT {
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @BeforeEach
    void tlsUp() {
        TlsReady.await(server.get());
    }

    private TlsFiles.Result sClient(String... options) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl", "s_client", "-connect",
                "127.0.0.1:" + server.port(), "-starttls", "smtp", "-name", "client.itest.example"));
        cmd.addAll(List.of(options));
        return TlsFiles.output(cmd.toArray(String[]::new));
    }

    @Test
    void tls11IsRefusedAndTls12WithAeadWorks() throws Exception {
        TlsFiles.Result modern = sClient("-tls1_2");
        assertTrue(modern.text().contains("Protocol  : TLSv1.2") || modern.text().contains("TLSv1.2, Cipher is"),
                "the control handshake works:\n" + modern.text());
        assertTrue(modern.text().contains("GCM") || modern.text().contains("CHACHA20"), modern.text());

        // SECLEVEL=0 lets this OpenSSL offer TLS 1.1 at all; the refusal must come from the server
        TlsFiles.Result old = sClient("-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
        assertFalse(old.text().contains("no protocols available"), "the client could not even try:\n" + old.text());
        assertTrue(old.text().contains("alert protocol version") || old.text().contains("alert handshake failure"),
                "the server answers TLS 1.1 with an alert:\n" + old.text());
        assertFalse(old.text().contains("Cipher is ECDHE"), old.text());
    }

    @Test
    void cbcSuitesAreRefused() throws Exception {
        TlsFiles.Result cbc = sClient("-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA384:AES128-SHA");
        assertTrue(cbc.text().contains("alert handshake failure"), "no shared suite:\n" + cbc.text());
    }

    @Test
    void sniChoosesTheCertificateForTheRequestedName() throws Exception {
        Path store = server.instance().base().resolve("etc/tls/sni.p12");
        TlsFiles.pkcs12Entry(store, "secret", "a.itest.example");
        TlsFiles.pkcs12Entry(store, "secret", "b.itest.example");
        server.instance().write(Instance.TLS_CFG, Map.of("keystore", "etc/tls/sni.p12",
                "keystorePassword", "secret", "reloadCheckSeconds", "1"));
        Await.until(Duration.ofSeconds(15), "the keystore to be in force",
                () -> TlsReady.description(server.get()).contains("a.itest.example"));

        assertEquals("CN=b.itest.example", subject("b.itest.example"));
        assertEquals("CN=a.itest.example", subject("a.itest.example"));
        assertEquals("CN=a.itest.example", subject("unknown.itest.example"), "no match: the first entry");
    }

    private String subject(String sni) throws Exception {
        try (TlsSmtp c = TlsSmtp.plain(server.port())) {
            c.read();
            c.command("EHLO client.itest.example");
            assertEquals(220, c.command("STARTTLS").code());
            c.upgrade(TlsSmtp.trustingAnything(), sni, false);
            return c.peerCertificate().getSubjectX500Principal().getName();
        }
    }
}
