package org.mailroot.spool.queue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivered queue files are renamed to {@code <n>.spare} and overwritten by a later message
 * instead of being unlinked while a new file is created.
 *
 * <p>Why: on ext4 without a journal (this machine class, and many VM images) every inode
 * allocation skips inodes freed in the last few seconds, checking each one's deletion time in the
 * inode table; at a thousand messages a second that scan over thousands of recently freed inodes
 * took about 40% of the server's CPU (perf: {@code recently_deleted}, {@code find_inode_bit},
 * {@code find_get_block_common}). Recycling frees nothing and allocates nothing once the pool is
 * warm. The spare names live in Queue/ itself, so each recycle and reuse is a rename within one
 * directory, made durable by the same group-committed directory fsync as the stores.
 *
 * <p>A spare joins the pool only after a directory fsync that follows its rename, so a reused
 * inode can never still be named by its old message's file on disk. Spares hold stale bytes and
 * are never read: recovery looks only at {@code .eml}, {@code .sts} and {@code .tmp} names.
 */
public final class SpareFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SpareFiles.class);
    public static final String SUFFIX = ".spare";

    private final Path queue;
    private final int max;
    private final GroupCommitter committer;
    private final ConcurrentLinkedQueue<Path> ready = new ConcurrentLinkedQueue<>();
    /** Spares on disk, ready or waiting for their directory fsync. */
    private final AtomicInteger count = new AtomicInteger();
    /** Spare names count up from the wall clock in microseconds, above any left on disk (load). */
    private final AtomicLong names = new AtomicLong(System.currentTimeMillis() * 1000);

    /** @param max spares kept at most (about the number of messages in flight is enough) */
    public SpareFiles(Path queue, int max, GroupCommitter committer) {
        this.queue = queue;
        this.max = max;
        this.committer = committer;
    }

    /**
     * Takes the spares left in Queue/ by a previous run. A run killed right after a retire may
     * have left its rename in the page cache only, so the directory is fsynced before any of them
     * can be overwritten.
     */
    public void load() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(queue, "*" + SUFFIX)) {
            for (Path p : dir) {
                found.add(p);
                String n = p.getFileName().toString();
                try {
                    long v = Long.parseLong(n.substring(0, n.length() - SUFFIX.length()), 36);
                    names.accumulateAndGet(v, Math::max); // never reuse a name on disk (rename replaces)
                } catch (NumberFormatException e) {
                    // not one of ours: still a spare, its name cannot collide with ours
                }
            }
        }
        if (!found.isEmpty()) {
            GroupCommitter.fsyncDirectory(queue);
        }
        for (Path p : found) {
            if (count.incrementAndGet() <= max) {
                ready.add(p);
            } else {
                count.decrementAndGet();
                Files.deleteIfExists(p);
            }
        }
    }

    /** A spare to overwrite, or null when none is ready (the caller creates a new file). */
    public Path take() {
        Path p = ready.poll();
        if (p != null) {
            count.decrementAndGet();
        }
        return p;
    }

    /** A taken spare that could not be used (a failed write): unlinked, its bytes are junk. */
    public void discard(Path spare) {
        try {
            Files.deleteIfExists(spare);
        } catch (IOException e) {
            LOG.warn("Could not remove spare queue file {}: {}", spare.getFileName(), e.toString());
        }
    }

    /**
     * Retires a delivered message file: it becomes a spare, or is unlinked when the pool is full.
     * Neither needs to be durable at once: if a crash undoes it, recovery delivers the message
     * again and local delivery recognises it (at-least-once).
     */
    public void retire(Path eml) throws IOException {
        if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            if (!eml.toFile().delete()) { // java.io's delete is one unlink(); Files.delete stats first
                Files.delete(eml); // tells why
            }
            return;
        }
        Path spare = queue.resolve(Long.toString(names.incrementAndGet(), 36) + SUFFIX);
        try {
            Files.move(eml, spare, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            count.decrementAndGet();
            throw e;
        }
        committer.sync().whenComplete((v, e) -> {
            if (e == null) {
                ready.add(spare);
            } else {
                count.decrementAndGet();
                discard(spare);
            }
        });
    }

    /** Spares on disk, for tests and the admin. */
    public int size() {
        return count.get();
    }
}
