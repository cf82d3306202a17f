package org.mailroot.admin.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The admin socket: one event loop thread (admin traffic is tiny) and two workers for the operations. */
public final class AdminHttpServer implements AutoCloseable {
    private final Channel channel;
    private final EventLoopGroup loop;
    private final ExecutorService workers;

    private AdminHttpServer(Channel channel, EventLoopGroup loop, ExecutorService workers) {
        this.channel = channel;
        this.loop = loop;
        this.workers = workers;
    }

    public static AdminHttpServer bind(String host, int port, AdminToken token, Routes routes) throws InterruptedException {
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ExecutorService workers = Executors.newFixedThreadPool(2, named());
        try {
            Channel ch = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                    .childHandler(new AdminInitializer(token, routes, workers))
                    .bind(host, port).sync().channel();
            return new AdminHttpServer(ch, loop, workers);
        } catch (Exception e) { // Netty rethrows BindException undeclared
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownNow();
            throw e;
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static ThreadFactory named() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mailroot-admin-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
