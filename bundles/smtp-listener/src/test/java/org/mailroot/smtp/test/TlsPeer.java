package org.mailroot.smtp.test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * The client side of TLS over an {@link SmtpClient}'s EmbeddedChannel: a real JDK client engine
 * whose records are moved in and out of the channel, so the server's SslHandler does a real
 * handshake. After {@link #handshake()} commands go encrypted and replies come back decrypted.
 */
public final class TlsPeer {
    private final EmbeddedChannel channel;
    private final SSLEngine engine;
    private ByteBuffer fromServer = ByteBuffer.allocate(1 << 17);
    private final StringBuilder plain = new StringBuilder();

    public TlsPeer(SmtpClient client, SSLEngine engine) {
        this.channel = client.channel;
        this.engine = engine;
    }

    /** Runs the handshake to its end (or throws the client's SSLException). */
    public TlsPeer handshake() throws SSLException {
        engine.beginHandshake();
        for (int i = 0; i < 50; i++) {
            HandshakeStatus s = engine.getHandshakeStatus();
            if (s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED) {
                pump(); // TLS 1.3 tickets, and whatever the server wrote after its Finished
                return this;
            }
            send(ByteBuffer.allocate(0));
            pump();
        }
        throw new SSLException("handshake did not finish; channel open=" + channel.isOpen());
    }

    public SSLEngine engine() {
        return engine;
    }

    /** Sends raw text (CRLFs included) through TLS. */
    public TlsPeer send(String raw) throws SSLException {
        send(ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8)));
        pump();
        return this;
    }

    public TlsPeer commands(String... lines) throws SSLException {
        return send(String.join("\r\n", lines) + "\r\n");
    }

    /** The final reply lines (one per reply) received through TLS since the last call. */
    public List<String> replies() throws SSLException {
        pump();
        List<String> out = new ArrayList<>();
        for (String l : plain.toString().split("\r\n", -1)) {
            if (!l.isEmpty() && (l.length() < 4 || l.charAt(3) != '-')) {
                out.add(l);
            }
        }
        plain.setLength(0);
        return out;
    }

    /** Every reply line received through TLS since the last call. */
    public List<String> lines() throws SSLException {
        pump();
        List<String> out = new ArrayList<>(List.of(plain.toString().split("\r\n")));
        out.removeIf(String::isEmpty);
        plain.setLength(0);
        return out;
    }

    private void send(ByteBuffer app) throws SSLException {
        do {
            ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            SSLEngineResult r = engine.wrap(app, net);
            tasks();
            net.flip();
            if (net.hasRemaining()) {
                channel.writeInbound(Unpooled.wrappedBuffer(net));
                channel.runPendingTasks();
            }
            if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                return;
            }
        } while (app.hasRemaining() || engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP);
    }

    /** Reads what the server wrote and unwraps it. */
    private void pump() throws SSLException {
        channel.runPendingTasks();
        Object o;
        while ((o = channel.readOutbound()) != null) {
            ByteBuf b = (ByteBuf) o;
            if (fromServer.remaining() < b.readableBytes()) {
                fromServer = ByteBuffer.allocate(fromServer.capacity() * 2).put(fromServer.flip());
            }
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            fromServer.put(bytes);
        }
        fromServer.flip();
        ByteBuffer app = ByteBuffer.allocate(1 << 17);
        while (fromServer.hasRemaining()) {
            SSLEngineResult r = engine.unwrap(fromServer, app);
            tasks();
            if (r.getStatus() != SSLEngineResult.Status.OK || r.bytesConsumed() == 0) {
                break;
            }
            if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                fromServer.compact().flip(); // keep the rest while we answer
                send(ByteBuffer.allocate(0));
            }
        }
        fromServer.compact();
        app.flip();
        plain.append(StandardCharsets.UTF_8.decode(app));
    }

    private void tasks() {
        Runnable t;
        while ((t = engine.getDelegatedTask()) != null) {
            t.run();
        }
    }
}
