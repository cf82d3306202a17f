package org.mailroot.itests.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A raw SMTP client that can go TLS: STARTTLS on a plain connection (RFC 3207) or TLS from the
 * first byte (RFC 8314), with the JDK's client, SNI and the server-name check of a mail client.
 * For tests that need exact bytes around the upgrade (pipelining behind STARTTLS) or the
 * certificate the server presented.
 */
public final class TlsSmtp implements AutoCloseable {
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    private TlsSmtp(Socket socket) throws IOException {
        use(socket);
    }

    private void use(Socket s) throws IOException {
        this.socket = s;
        this.in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        this.out = s.getOutputStream();
    }

    /** A plain connection; reads nothing yet. */
    public static TlsSmtp plain(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        s.setSoTimeout(10_000);
        return new TlsSmtp(s);
    }

    /** Implicit TLS: connects, handshakes as {@code serverName} (SNI and name check); reads nothing yet. */
    public static TlsSmtp implicit(int port, SSLContext trust, String serverName) throws IOException {
        TlsSmtp c = plain(port);
        c.upgrade(trust, serverName);
        return c;
    }

    /** Puts TLS on the connection now (after 220 to STARTTLS, or at once for implicit TLS). */
    public void upgrade(SSLContext trust, String serverName) throws IOException {
        upgrade(trust, serverName, true);
    }

    /** As {@link #upgrade(SSLContext, String)}; {@code checkName=false} skips the name check (SNI still sent). */
    public void upgrade(SSLContext trust, String serverName, boolean checkName) throws IOException {
        SSLSocket tls = (SSLSocket) trust.getSocketFactory().createSocket(socket, serverName, socket.getPort(), true);
        SSLParameters p = tls.getSSLParameters();
        p.setServerNames(List.of(new SNIHostName(serverName)));
        if (checkName) {
            p.setEndpointIdentificationAlgorithm("HTTPS"); // the RFC 6125 name check mail clients do
        }
        tls.setSSLParameters(p);
        tls.setUseClientMode(true);
        tls.startHandshake();
        use(tls);
    }

    /** The certificate the server presented (after the upgrade). */
    public X509Certificate peerCertificate() throws IOException {
        return (X509Certificate) ((SSLSocket) socket).getSession().getPeerCertificates()[0];
    }

    public String protocol() {
        return ((SSLSocket) socket).getSession().getProtocol();
    }

    public Smtp.Reply command(String line) throws IOException {
        send(line + "\r\n");
        return read();
    }

    public void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public Smtp.Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed by the server after " + lines);
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() <= 3 || line.charAt(3) == ' ') {
                return new Smtp.Reply(Integer.parseInt(line.substring(0, 3)), lines);
            }
        }
    }

    /** A context trusting exactly the certificates in a PEM file (e.g. the generated one). */
    public static SSLContext trusting(Path pem) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream certs = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(certs)) {
                ks.setCertificateEntry("c" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** A context that accepts any certificate and checks no name: for tests that inspect what they got. */
    public static SSLContext trustingAnything() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
