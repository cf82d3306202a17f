package org.mailroot.smtp.net;

/** Names of the pipeline stages, in order from the socket. */
public final class PipelineNames {
    public static final String REPLY_ENCODER = "replyEncoder";
    public static final String CONNECTION_GATE = "connectionGate";
    public static final String IDLE = "idle";
    public static final String INPUT_DECODER = "inputDecoder";
    public static final String SESSION = "session";

    private PipelineNames() {
    }
}
