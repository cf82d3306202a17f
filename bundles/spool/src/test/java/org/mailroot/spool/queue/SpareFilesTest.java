package org.mailroot.spool.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailroot.spool.Fixtures.content;
import static org.mailroot.spool.Fixtures.envelope;
import static org.mailroot.spool.Fixtures.route;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.spool.Fixtures;

class SpareFilesTest {
    @TempDir
    Path queue;

    private GroupCommitter committer() {
        return new GroupCommitter(queue, 16);
    }

    @Test
    void aRetiredFileIsReusedInPlaceAndAShorterMessageLeavesNoStaleTail() throws Exception {
        GroupCommitter committer = committer();
        SpareFiles spares = new SpareFiles(queue, 4, committer);
        QueueWriter writer = new QueueWriter(queue, 0, () -> Long.MAX_VALUE);
        writer.spares(spares);

        QueueFile first = writer.write(envelope("A1", route("local", "a@example.com")),
                content("Subject: long\r\n\r\n" + "x".repeat(5000) + "\r\n"));
        Object inode = Files.readAttributes(first.path(), "unix:ino").get("ino");
        spares.retire(first.path());
        committer.sync().get(10, TimeUnit.SECONDS); // the spare joins the pool after a dir fsync
        assertFalse(Files.exists(first.path()));
        assertEquals(1, spares.size());

        QueueFile second = writer.write(envelope("B2", route("local", "b@example.com")),
                content("Subject: short\r\n\r\nhi\r\n"));
        assertEquals(inode, Files.readAttributes(second.path(), "unix:ino").get("ino"), "the same inode, reused");
        assertEquals(0, spares.size());
        QueueFile read = QueueFile.read(second.path()); // checks the size recorded in the envelope block
        assertEquals("Subject: short\r\n\r\nhi\r\n", Fixtures.read(read.content()));
        assertEquals(List.of(second.path()), list(), "no temp or spare file left");
    }

    @Test
    void aSpareIsNotReusedBeforeTheDirectoryFsyncThatCoversItsRename() throws Exception {
        GroupCommitter committer = committer();
        SpareFiles spares = new SpareFiles(queue, 4, committer);
        Path eml = Files.writeString(queue.resolve("C3.eml"), "old");
        committer.close(); // the spool stops: the retire's directory fsync never happens
        spares.retire(eml);
        assertNull(spares.take(), "a spare whose rename was never made durable must not be reused");
        assertEquals(List.of(), list(), "it is removed instead");
    }

    @Test
    void beyondTheLimitFilesAreUnlinkedAndLeftoverSparesAreLoadedAtStart() throws Exception {
        GroupCommitter committer = committer();
        SpareFiles spares = new SpareFiles(queue, 2, committer);
        for (int i = 0; i < 3; i++) {
            spares.retire(Files.writeString(queue.resolve("D" + i + ".eml"), "x"));
        }
        committer.sync().get(10, TimeUnit.SECONDS);
        assertEquals(2, spares.size());
        assertEquals(2, list().stream().filter(p -> p.toString().endsWith(SpareFiles.SUFFIX)).count());

        SpareFiles restarted = new SpareFiles(queue, 8, committer());
        restarted.load();
        assertNotNull(restarted.take());
        assertNotNull(restarted.take());
        assertNull(restarted.take());
        assertTrue(list().stream().noneMatch(p -> p.toString().endsWith(".eml")));
    }

    private List<Path> list() throws Exception {
        try (Stream<Path> s = Files.list(queue)) {
            return s.sorted().toList();
        }
    }
}
