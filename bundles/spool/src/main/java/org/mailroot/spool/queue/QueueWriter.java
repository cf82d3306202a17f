package org.mailroot.spool.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;
import org.mailroot.api.spool.SpoolFullException;

/**
 * Writes one message into Queue/ under a temporary name, fsyncs it and renames it into place.
 * The directory fsync that makes the rename durable is left to the {@link GroupCommitter}, so
 * that it can be shared. Runs on the spool's writer threads, never on the caller's.
 */
public final class QueueWriter {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final long MB = 1024L * 1024;

    /** Messages up to this size are written from memory and kept for their first attempt. */
    static final int HOLD_MAX = 256 * 1024;
    /** Bytes held for first attempts at most, all messages together. */
    static final long HOLD_BUDGET = 32 * MB;

    private final Path queue;
    private final AtomicLong held = new AtomicLong();
    private volatile long minFreeBytes;
    private final FreeSpace freeSpace;
    private volatile SpareFiles spares;

    /**
     * @param usableSpace the free space of the queue's file store, in bytes (a parameter so
     *        tests can simulate a full disk); asked at most every 100 ms or 16 MB written
     */
    public QueueWriter(Path queue, long minFreeDiskMb, LongSupplier usableSpace) {
        this(queue, minFreeDiskMb, new FreeSpace(usableSpace, System::nanoTime));
    }

    QueueWriter(Path queue, long minFreeDiskMb, FreeSpace freeSpace) {
        this.queue = queue;
        this.minFreeBytes = minFreeDiskMb * MB;
        this.freeSpace = freeSpace;
    }

    /** Recycled files to overwrite before creating new ones (see {@link SpareFiles} for why). */
    public void spares(SpareFiles value) {
        this.spares = value;
    }

    public void minFreeDiskMb(long mb) {
        this.minFreeBytes = mb * MB;
    }

    /** Writes, fsyncs and renames; on failure no file is left behind. */
    public QueueFile write(Envelope envelope, MessageContent content) throws IOException {
        return write(envelope, content, () -> { });
    }

    /**
     * @param beforeRename runs after the file fsync, just before the rename (the directory's
     *        group commit lingers only for writers this close to their sync request)
     */
    public QueueFile write(Envelope envelope, MessageContent content, Runnable beforeRename) throws IOException {
        String id = envelope.id();
        if (!SAFE_ID.matcher(id).matches()) {
            throw new IOException("message id is not safe as a file name: " + id);
        }
        long size = content.size();
        long free = freeSpace.reserve(size, minFreeBytes);
        if (free - size < minFreeBytes) {
            throw new SpoolFullException("spool disk has " + free / MB + " MB free, keeping "
                    + minFreeBytes / MB + " MB in reserve");
        }
        Path target = queue.resolve(id + QueueFile.SUFFIX);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "message id already queued");
        }
        SpareFiles pool = spares;
        Path spare = pool == null ? null : pool.take();
        Path temp = spare != null ? spare : queue.resolve(id + QueueFile.TEMP_SUFFIX);
        byte[] header = EnvelopeCodec.encode(envelope, size);
        HeldContent keep = null;
        try {
            try (FileChannel ch = spare != null ? FileChannel.open(temp, StandardOpenOption.WRITE)
                    : FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    InputStream in = content.open()) {
                if (size <= HOLD_MAX) {
                    // Small: one buffer, one write(), and the bytes stay for the first attempt.
                    byte[] all = new byte[header.length + (int) size];
                    System.arraycopy(header, 0, all, 0, header.length);
                    int n = in.readNBytes(all, header.length, (int) size);
                    if (n != size || in.read() >= 0) {
                        throw new IOException("message content size differs from size() " + size);
                    }
                    writeFully(ch, ByteBuffer.wrap(all));
                    if (held.addAndGet(all.length) <= HOLD_BUDGET) {
                        keep = new HeldContent(all, header.length, held);
                    } else {
                        held.addAndGet(-all.length); // backlog: the attempt reads the file
                    }
                } else {
                    writeFully(ch, ByteBuffer.wrap(header));
                    long copied = copy(in, ch);
                    if (copied != size) {
                        throw new IOException("message content gave " + copied + " octets, size() said " + size);
                    }
                }
                if (spare != null) {
                    // Overwritten in place: cut the old message's tail. fdatasync still writes the
                    // size when it changed (POSIX: metadata needed to read the data back).
                    ch.truncate(header.length + size);
                    ch.force(false);
                } else {
                    ch.force(true); // data and size on disk before the name points at them
                }
            }
            beforeRename.run();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return new QueueFile(target, envelope, header.length, size, keep);
        } catch (IOException e) {
            if (keep != null) {
                keep.release();
            }
            Files.deleteIfExists(temp);
            throw diskFull(e) ? new SpoolFullException("spool disk full while writing " + id + ": "
                    + e.getMessage()) : e;
        } catch (RuntimeException e) {
            if (keep != null) {
                keep.release();
            }
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** ENOSPC and EDQUOT only show up in the message text of a plain IOException. */
    private boolean diskFull(Exception e) {
        String m = String.valueOf(e.getMessage());
        return e instanceof SpoolFullException || m.contains("No space left") || m.contains("quota")
                || (e instanceof IOException && freeSpace.fresh() < minFreeBytes);
    }

    private static long copy(InputStream in, FileChannel ch) throws IOException {
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            writeFully(ch, ByteBuffer.wrap(buf, 0, n));
            total += n;
        }
        return total;
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
