package org.mailroot.smtp.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import org.mailroot.smtp.ListenerSettings;
import org.mailroot.smtp.ServerContext;
import org.mailroot.smtp.TlsPolicy;
import org.mailroot.smtp.codec.ReplyEncoder;
import org.mailroot.smtp.codec.SmtpInputDecoder;
import org.mailroot.smtp.session.SmtpSessionHandler;

/** Builds a session's pipeline with the settings in force when the client connects. */
public final class SmtpChannelInitializer extends ChannelInitializer<Channel> {
    private static final ReplyEncoder ENCODER = new ReplyEncoder();

    private final ServerContext server;
    private final ConnectionGate gate;

    public SmtpChannelInitializer(ServerContext server, ConnectionGate gate) {
        this.server = server;
        this.gate = gate;
    }

    @Override
    protected void initChannel(Channel ch) {
        configure(ch.pipeline(), server, gate);
    }

    /** Also used by tests on an EmbeddedChannel (with a null gate). */
    public static void configure(ChannelPipeline p, ServerContext server, ConnectionGate gate) {
        ListenerSettings s = server.settings();
        if (server.tlsPolicy().mode() == TlsPolicy.Mode.IMPLICIT && !ImplicitTls.install(p, server)) {
            return; // closed: no provider to speak TLS with (RFC 8314 §3 allows nothing else)
        }
        SmtpInputDecoder decoder = new SmtpInputDecoder(s.maxCommandLine());
        p.addLast(PipelineNames.REPLY_ENCODER, ENCODER);
        if (gate != null) {
            p.addLast(PipelineNames.CONNECTION_GATE, gate);
        }
        // RFC 5321 §4.5.3.2: the server times out an idle client (we use one idle limit)
        p.addLast(PipelineNames.IDLE, new IdleStateHandler(s.idleTimeoutSeconds(), 0, 0));
        p.addLast(PipelineNames.INPUT_DECODER, decoder);
        p.addLast(PipelineNames.SESSION, new SmtpSessionHandler(server, decoder));
    }
}
