package org.mailroot.spool.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailroot.spool.Fixtures.content;
import static org.mailroot.spool.Fixtures.envelope;
import static org.mailroot.spool.Fixtures.route;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;
import org.mailroot.api.spool.SpoolFullException;
import org.mailroot.spool.Fixtures;

class MessageStoreTest {
    @TempDir
    Path queue;

    @Test
    void completesOnlyOnceTheRenamedFileIsReadable() throws Exception {
        Set<String> seenAtNotify = ConcurrentHashMap.newKeySet();
        try (MessageStore store = new MessageStore(queue, new QueueWriter(queue, 0, () -> Long.MAX_VALUE), 2, true,
                f -> seenAtNotify.add(f.path().getFileName().toString()))) {
            Envelope e = envelope("M1", route("local", "bob@example.com"));
            store.store(e, content("Subject: hi\r\n\r\nbody\r\n")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            Path file = queue.resolve("M1.eml");
            assertTrue(Files.isRegularFile(file));
            assertTrue(seenAtNotify.contains("M1.eml"));
            try (Stream<Path> s = Files.list(queue)) {
                assertEquals(List.of(file), s.toList(), "no temp file left");
            }
            QueueFile q = QueueFile.read(file);
            assertEquals(e.recipients(), q.envelope().recipients());
            assertEquals("Subject: hi\r\n\r\nbody\r\n", Fixtures.read(q.content()));
            // the same id again must never overwrite a queued message
            ExecutionException dup = assertThrows(ExecutionException.class, () -> store.store(e, content("x"))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, dup.getCause());
            assertEquals("Subject: hi\r\n\r\nbody\r\n", Fixtures.read(QueueFile.read(file).content()));
        }
    }

    @Test
    void concurrentStoresShareDirectoryFsyncsAndAllAreDurable() throws Exception {
        try (MessageStore store = new MessageStore(queue, new QueueWriter(queue, 0, () -> Long.MAX_VALUE), 8, true,
                f -> { })) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                all.add(store.store(envelope("C" + i, route("local", "u" + i + "@example.com")),
                        content("Subject: " + i + "\r\n\r\n" + "x".repeat(4000))).toCompletableFuture());
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            for (int i = 0; i < 400; i++) {
                QueueFile q = QueueFile.read(queue.resolve("C" + i + ".eml"));
                assertTrue(Fixtures.read(q.content()).startsWith("Subject: " + i + "\r\n"));
            }
            GroupCommitter c = store.committer();
            assertEquals(400, c.requests());
            assertTrue(c.syncs() < c.requests(), "directory fsyncs were shared: " + c.syncs());
        }
    }

    @Test
    void reserveBelowMinimumIsSpoolFullAndLeavesNothing() throws Exception {
        try (MessageStore store = new MessageStore(queue, new QueueWriter(queue, Long.MAX_VALUE / (1 << 21),
                () -> 10L << 30), 1, true, f -> { })) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> store.store(
                    envelope("F1", route("local", "bob@example.com")), content("Subject: x\r\n\r\n"))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertInstanceOf(SpoolFullException.class, e.getCause());
            try (Stream<Path> s = Files.list(queue)) {
                assertEquals(0, s.count());
            }
        }
    }

    @Test
    void enospcDuringTheWriteIsSpoolFullAndTheTempFileIsRemoved() throws Exception {
        MessageContent failing = new MessageContent() {
            @Override
            public long size() {
                return 100_000;
            }

            @Override
            public InputStream open() {
                return new InputStream() {
                    int n;

                    @Override
                    public int read() throws IOException {
                        if (n++ > 50_000) {
                            throw new IOException("No space left on device");
                        }
                        return 'x';
                    }
                };
            }
        };
        try (MessageStore store = new MessageStore(queue, new QueueWriter(queue, 64, () -> 10L << 30), 1, true,
                f -> { })) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> store.store(
                    envelope("F2", route("local", "bob@example.com")), failing).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));
            assertInstanceOf(SpoolFullException.class, e.getCause());
            try (Stream<Path> s = Files.list(queue)) {
                assertEquals(0, s.count());
            }
        }
    }
}
