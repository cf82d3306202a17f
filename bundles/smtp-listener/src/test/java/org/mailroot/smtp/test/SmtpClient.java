package org.mailroot.smtp.test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mailroot.smtp.net.ConnectionGate;
import org.mailroot.smtp.net.SmtpChannelInitializer;

/** Drives a session on an EmbeddedChannel: raw bytes in, reply lines out. */
public final class SmtpClient {
    static final InetSocketAddress REMOTE = new InetSocketAddress("192.0.2.10", 40000);
    static final InetSocketAddress LOCAL = new InetSocketAddress("198.51.100.1", 25);

    /** An EmbeddedChannel with internet addresses (the session logs and traces them). */
    static final class InetChannel extends EmbeddedChannel {
        InetChannel(io.netty.channel.ChannelHandler h) {
            super(h);
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return REMOTE;
        }

        @Override
        protected SocketAddress localAddress0() {
            return LOCAL;
        }
    }

    public final EmbeddedChannel channel;

    public SmtpClient(FakeServer server) {
        this(server, null);
    }

    public SmtpClient(FakeServer server, ConnectionGate gate) {
        channel = new InetChannel(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                SmtpChannelInitializer.configure(ch.pipeline(), server, gate);
            }
        });
        channel.runPendingTasks();
    }

    /** Sends raw text (no CRLF added) and runs pending event-loop tasks. */
    public SmtpClient send(String raw) {
        channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.UTF_8));
        channel.runPendingTasks();
        return this;
    }

    /** Sends each command with CRLF in one write (pipelined). */
    public SmtpClient commands(String... lines) {
        return send(String.join("\r\n", lines) + "\r\n");
    }

    /** Every reply line sent since the last call. */
    public List<String> lines() {
        channel.runPendingTasks();
        StringBuilder sb = new StringBuilder();
        Object o;
        while ((o = channel.readOutbound()) != null) {
            ByteBuf b = (ByteBuf) o;
            sb.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        List<String> out = new ArrayList<>();
        for (String l : sb.toString().split("\r\n", -1)) {
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    /** The final lines of the replies since the last call (one per reply). */
    public List<String> replies() {
        List<String> out = new ArrayList<>();
        for (String l : lines()) {
            if (l.length() < 4 || l.charAt(3) != '-') {
                out.add(l);
            }
        }
        return out;
    }

    /** Connects, reads the greeting and says EHLO. */
    public static SmtpClient ready(FakeServer server) {
        SmtpClient c = new SmtpClient(server);
        c.commands("EHLO client.example.net");
        c.lines();
        return c;
    }

    public boolean open() {
        channel.runPendingTasks();
        return channel.isOpen();
    }
}
