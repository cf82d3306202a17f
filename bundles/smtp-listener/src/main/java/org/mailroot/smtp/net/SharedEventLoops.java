package org.mailroot.smtp.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One boss and one worker group shared by every virtual server of the bundle, created with the
 * first server and shut down with the last (reference counted).
 */
public final class SharedEventLoops {
    private static int users;
    private static EventLoopGroup boss;
    private static EventLoopGroup workers;

    private SharedEventLoops() {
    }

    public static synchronized void acquire() {
        if (users++ == 0) {
            boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("mailroot-accept", true),
                    NioIoHandler.newFactory());
            workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("mailroot-smtp", true),
                    NioIoHandler.newFactory());
        }
    }

    public static synchronized EventLoopGroup boss() {
        return boss;
    }

    public static synchronized EventLoopGroup workers() {
        return workers;
    }

    public static synchronized void release() {
        if (--users == 0) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            boss = null;
            workers = null;
        }
    }
}
