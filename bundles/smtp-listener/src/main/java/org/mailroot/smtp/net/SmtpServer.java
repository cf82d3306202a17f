package org.mailroot.smtp.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mailroot.smtp.ServerContext;
import org.mailroot.smtp.session.SmtpSessionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets of one virtual server: binds every configured address, can rebind, and shuts down
 * in order: stop accepting, let open transactions finish (bounded), 421 to the rest, close.
 */
public final class SmtpServer {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpServer.class);

    private final ServerContext context;
    private final ChannelGroup sessions = new DefaultChannelGroup("smtp-sessions", GlobalEventExecutor.INSTANCE);
    private final ConnectionGate gate;
    private final List<Channel> serverChannels = new ArrayList<>();

    public SmtpServer(ServerContext context) {
        this.context = context;
        this.gate = new ConnectionGate(context::settings, sessions);
        SharedEventLoops.acquire();
    }

    /** Binds every address of the current settings; returns the bound addresses. */
    public synchronized List<InetSocketAddress> bind() throws InterruptedException {
        var s = context.settings();
        ServerBootstrap b = new ServerBootstrap()
                .group(SharedEventLoops.boss(), SharedEventLoops.workers())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new SmtpChannelInitializer(context, gate));
        List<InetSocketAddress> bound = new ArrayList<>();
        try {
            for (String host : s.bindAddresses()) {
                // with port 0 every address shares the port picked for the first one
                int port = s.port() == 0 && !bound.isEmpty() ? bound.get(0).getPort() : s.port();
                Channel ch = b.bind(host.strip(), port).sync().channel();
                serverChannels.add(ch);
                InetSocketAddress a = (InetSocketAddress) ch.localAddress();
                bound.add(a);
                LOG.info("Virtual server '{}' listening on {}:{}", s.name(),
                        a.getAddress().getHostAddress(), a.getPort());
            }
        } catch (Exception e) { // includes the BindException Netty rethrows undeclared
            unbind();
            throw e;
        }
        return bound;
    }

    /** Closes the listening sockets; open sessions continue. */
    public synchronized void unbind() {
        for (Channel ch : serverChannels) {
            ch.close().syncUninterruptibly();
        }
        serverChannels.clear();
    }

    /**
     * Stops accepting, lets in-flight transactions finish for up to {@code drainSeconds}, sends
     * 421 4.3.2 to idle sessions (each session does so as soon as it is idle) and closes the rest.
     */
    public void shutdown(long drainSeconds) {
        unbind();
        sessions.forEach(ch -> ch.pipeline().fireUserEventTriggered(SmtpSessionHandler.SHUTDOWN));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (!sessions.isEmpty() && System.nanoTime() < deadline) {
            sessions.newCloseFuture().awaitUninterruptibly(100);
        }
        if (!sessions.isEmpty()) {
            LOG.warn("Closing {} session(s) still open after {} s", sessions.size(), drainSeconds);
            sessions.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        SharedEventLoops.release();
    }
}
