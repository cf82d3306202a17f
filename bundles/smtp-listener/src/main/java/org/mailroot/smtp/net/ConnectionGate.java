package org.mailroot.smtp.net;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.mailroot.smtp.ListenerSettings;
import org.mailroot.smtp.codec.Reply;
import org.mailroot.smtp.codec.ReplyEncoder;

/**
 * Admits or turns away a new connection before any session exists: while the server is paused
 * (421 4.3.2) or full (421 4.7.0) the client gets the reply and the connection is closed; the
 * listening socket stays bound. Admitted channels join the server's group for shutdown.
 */
@Sharable
public final class ConnectionGate extends ChannelInboundHandlerAdapter {
    /** RFC 5321 §3.8/§4.2.3 421; RFC 3463 X.3.2 "system not accepting network messages". */
    static final Reply PAUSED = Reply.of(421, "4.3.2", "Service paused, try again later");
    /** RFC 5321 §3.8/§4.2.3 421; X.7.0 as the team chose for "too many connections". */
    static final Reply FULL = Reply.of(421, "4.7.0", "Too many connections, try again later");

    private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("mailroot.refused");

    private final Supplier<ListenerSettings> settings;
    private final ChannelGroup sessions;
    private final AtomicInteger open = new AtomicInteger();

    public ConnectionGate(Supplier<ListenerSettings> settings, ChannelGroup sessions) {
        this.settings = settings;
        this.sessions = sessions;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ListenerSettings s = settings.get();
        int n = open.incrementAndGet();
        ctx.channel().closeFuture().addListener(f -> open.decrementAndGet());
        Reply refusal = s.paused() ? PAUSED
                : s.maxConnections() > 0 && n > s.maxConnections() ? FULL : null;
        if (refusal != null) {
            ctx.channel().attr(REFUSED).set(Boolean.TRUE);
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(ReplyEncoder.toBytes(refusal, ctx.alloc()))
                    .addListener(ChannelFutureListener.CLOSE);
            return; // the session never starts
        }
        sessions.add(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (Boolean.TRUE.equals(ctx.channel().attr(REFUSED).get())) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
