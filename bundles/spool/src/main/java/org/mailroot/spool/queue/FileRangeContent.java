package org.mailroot.spool.queue;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mailroot.api.MessageContent;

/** A message stored as a byte range of a file; each open() reads the file afresh. */
final class FileRangeContent implements MessageContent {
    private final Path path;
    private final long offset;
    private final long size;

    FileRangeContent(Path path, long offset, long size) {
        this.path = path;
        this.offset = offset;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            in.skipNBytes(offset);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        // Buffer no more than the range (+1 so the end is seen in the same read): small messages
        // do not pay for zeroing 16 KiB.
        int buffer = (int) Math.max(512, Math.min(16 * 1024, size + 1));
        return new Limited(new BufferedInputStream(in, buffer), size);
    }

    /** Stops at the end of the range. */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = super.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, left));
            left -= s;
            return s;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
