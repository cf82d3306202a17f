package org.mailroot.admin.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.concurrent.Executor;

/** The admin pipeline: HTTP/1.1 codec, whole requests of at most 64 KiB, an idle limit, the handler. */
final class AdminInitializer extends ChannelInitializer<SocketChannel> {
    static final String CODEC = "http-codec";
    static final String AGGREGATOR = "http-aggregator";
    static final String TIMEOUT = "read-timeout";
    static final String HANDLER = "admin";
    private static final int MAX_BODY = 64 * 1024;
    private static final int READ_TIMEOUT_SECONDS = 30;

    private final AdminToken token;
    private final Routes routes;
    private final Executor workers;

    AdminInitializer(AdminToken token, Routes routes, Executor workers) {
        this.token = token;
        this.routes = routes;
        this.workers = workers;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast(TIMEOUT, new ReadTimeoutHandler(READ_TIMEOUT_SECONDS))
                .addLast(CODEC, new HttpServerCodec())
                .addLast(AGGREGATOR, new HttpObjectAggregator(MAX_BODY))
                .addLast(HANDLER, new AdminHandler(token, routes, workers));
    }
}
