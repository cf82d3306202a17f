package org.mailroot.admin.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the token on the event loop (a constant-time compare), then runs the operation on a
 * worker (it touches bundles, configuration and disk) and hops back to the channel's event loop
 * to answer. One request per connection: the CLI and scrapers open a new one each time.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("org.mailroot.admin.audit");
    private final AdminToken token;
    private final Routes routes;
    private final Executor workers;

    AdminHandler(AdminToken token, Routes routes, Executor workers) {
        this.token = token;
        this.routes = routes;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
        if (!req.decoderResult().isSuccess()) {
            send(ctx, Response.error(400, "malformed HTTP request")); // RFC 9110 §15.5.1
            return;
        }
        if (!token.accepts(req.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            LOG.warn("Admin request {} {} from {} refused: missing or wrong token", req.method(), req.uri(), address);
            send(ctx, Response.error(401, "a valid admin token is required (Authorization: Bearer <token>)"));
            return;
        }
        Request request;
        try {
            QueryStringDecoder uri = new QueryStringDecoder(req.uri());
            Map<String, String> query = new HashMap<>();
            uri.parameters().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
            List<String> path = new ArrayList<>();
            for (String s : uri.rawPath().split("/")) {
                if (!s.isEmpty()) {
                    path.add(QueryStringDecoder.decodeComponent(s));
                }
            }
            request = new Request(req.method().name(), path, query, body(req),
                    Actor.of(req.headers().get(Actor.USER_HEADER), address));
        } catch (RuntimeException e) {
            send(ctx, Response.error(400, "bad request: " + e.getMessage())); // RFC 9110 §15.5.1
            return;
        }
        try {
            workers.execute(() -> {
                Response response = run(request);
                ctx.executor().execute(() -> send(ctx, response));
            });
        } catch (RejectedExecutionException e) {
            send(ctx, Response.error(503, "the admin endpoint is stopping")); // RFC 9110 §15.6.4
        }
    }

    private Response run(Request request) {
        try {
            return routes.handle(request);
        } catch (IllegalArgumentException e) {
            AUDIT.warn("Refused for {}: {} /{}: {}", request.actor(), request.method(), String.join("/", request.path()), e.getMessage());
            return Response.error(400, e.getMessage()); // RFC 9110 §15.5.1
        } catch (NoSuchElementException e) {
            return Response.error(404, e.getMessage()); // RFC 9110 §15.5.5
        } catch (IllegalStateException e) {
            AUDIT.warn("Refused for {}: {} /{}: {}", request.actor(), request.method(), String.join("/", request.path()), e.getMessage());
            return Response.error(409, e.getMessage()); // RFC 9110 §15.5.10
        } catch (Exception e) {
            LOG.error("Admin request {} {} failed", request.method(), request.path(), e);
            return Response.error(500, "internal error: " + e); // RFC 9110 §15.6.1
        }
    }

    private static Map<String, String> body(FullHttpRequest req) {
        Map<String, String> body = new HashMap<>();
        if (req.content().isReadable()) {
            JsonObject json = Json.parse(req.content().toString(StandardCharsets.UTF_8));
            json.forEach((k, v) -> body.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
        }
        return body;
    }

    private static void send(ChannelHandlerContext ctx, Response r) {
        byte[] bytes = (r.text() != null ? r.text() : Json.write(r.json()) + "\n").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(r.status()), Unpooled.wrappedBuffer(bytes));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (r.status() == 401) { // RFC 6750 §3: the scheme a client must use
            res.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"mailroot\"");
        }
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Admin connection error", cause);
        ctx.close();
    }
}
