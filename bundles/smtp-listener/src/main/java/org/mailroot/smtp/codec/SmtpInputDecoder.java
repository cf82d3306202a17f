package org.mailroot.smtp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Turns the byte stream into {@link Frame}s, one per {@code decode} call so that the session can
 * switch the mode (command, DATA text, BDAT chunk) before the next byte is looked at. While the
 * session waits for a hook or the spool it {@link #hold() holds} the decoder: input stays in the
 * cumulation buffer and pipelined commands are processed, in order, after {@link #resume()}.
 */
public final class SmtpInputDecoder extends ByteToMessageDecoder {
    private enum Mode { COMMAND, DATA, CHUNK, CLOSED }

    private final CommandLineReader commands;
    private Mode mode = Mode.COMMAND;
    private DataReader data;
    private MessageBuffer chunkTarget;
    private TextLineChecker chunkChecker;
    private long chunkRemaining;
    private long chunkSize;
    private boolean held;
    private long bytesIn;
    private ChannelHandlerContext context;

    public SmtpInputDecoder(int maxCommandLine) {
        this.commands = new CommandLineReader(maxCommandLine);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.context = ctx;
    }

    /** Reads DATA text into {@code target} until {@code CRLF.CRLF}. */
    public void startData(MessageBuffer target, int maxTextLine) {
        data = new DataReader(maxTextLine, target);
        mode = Mode.DATA;
    }

    /**
     * Reads the next {@code size} octets as a BDAT chunk (RFC 3030 §2). They are always consumed;
     * with a null target they are dropped (a refused BDAT still carries its chunk).
     */
    public void startChunk(long size, MessageBuffer target, TextLineChecker checker) {
        chunkTarget = target;
        chunkChecker = checker;
        chunkRemaining = size;
        chunkSize = size;
        mode = Mode.CHUNK;
    }

    /** Drops all further input: the connection is being closed. */
    public void close() {
        mode = Mode.CLOSED;
    }

    /**
     * Drops every octet received but not yet decoded (STARTTLS, RFC 3207 §4.2 / CVE-2011-0411:
     * commands pipelined behind STARTTLS in plaintext must never run). Called on the event loop
     * while the STARTTLS line is being handled, so the buffer holds exactly the octets that came
     * before the TLS layer was put in place; what arrives afterwards comes through TLS.
     */
    public void discardBuffered() {
        ByteBuf pending = internalBuffer();
        bytesIn += pending.readableBytes(); // still counts against the session size limit
        pending.skipBytes(pending.readableBytes());
    }

    public void hold() {
        held = true;
    }

    /** Continues with the input buffered while held; call on the event loop. */
    public void resume() throws Exception {
        held = false;
        if (context != null && !context.isRemoved()) {
            channelRead(context, Unpooled.EMPTY_BUFFER);
        }
    }

    /** Octets received in this session so far (for the session size limit). */
    public long bytesIn() {
        return bytesIn;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (held) {
            return;
        }
        int before = in.readerIndex();
        switch (mode) {
            case COMMAND -> {
                Frame f = commands.read(in);
                if (f != null) {
                    out.add(f);
                }
            }
            case DATA -> {
                if (data.read(in)) {
                    data = null;
                    mode = Mode.COMMAND;
                    out.add(Frame.DATA_END);
                }
            }
            case CHUNK -> readChunk(in, out);
            case CLOSED -> in.skipBytes(in.readableBytes());
        }
        bytesIn += in.readerIndex() - before;
    }

    private void readChunk(ByteBuf in, List<Object> out) {
        int n = (int) Math.min(chunkRemaining, in.readableBytes());
        if (chunkTarget != null) {
            chunkTarget.write(in, in.readerIndex(), n);
            if (chunkChecker != null) {
                chunkChecker.check(in, in.readerIndex(), n, chunkTarget);
            }
        }
        in.skipBytes(n);
        chunkRemaining -= n;
        if (chunkRemaining == 0) {
            mode = Mode.COMMAND;
            chunkTarget = null;
            chunkChecker = null;
            out.add(new Frame.ChunkEnd(chunkSize));
        }
    }
}
