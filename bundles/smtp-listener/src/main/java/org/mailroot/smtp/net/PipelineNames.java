package org.mailroot.smtp.net;

/** Names of the pipeline stages, in order from the socket. */
public final class PipelineNames {
    /** TLS (implicit from the start, or put first by STARTTLS); nearest the socket. */
    public static final String TLS = "tls";
    public static final String REPLY_ENCODER = "replyEncoder";
    public static final String CONNECTION_GATE = "connectionGate";
    public static final String IDLE = "idle";
    public static final String INPUT_DECODER = "inputDecoder";
    public static final String SESSION = "session";

    private PipelineNames() {
    }
}
