package org.mailroot.spool.pickup;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.mailroot.api.MessageContent;

/** A message held in memory, as Pickup/ files are read whole to be parsed. */
record BytesContent(byte[] bytes) implements MessageContent {
    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }
}
