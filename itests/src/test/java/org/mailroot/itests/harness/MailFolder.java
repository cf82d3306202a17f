package org.mailroot.itests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Drop/ as the tests see it: the complete .eml files (a writer's temp files are ignored). */
public final class MailFolder {
    private final Path dir;

    public MailFolder(Path dir) {
        this.dir = dir;
    }

    public List<Path> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<MailFile> mails() {
        return files().stream().map(MailFile::read).toList();
    }

    /** Waits until at least n messages are in the folder and returns them all. */
    public List<MailFile> await(int n, Duration timeout) {
        return Await.until(timeout, n + " message(s) in " + dir, () -> {
            List<MailFile> mails = mails();
            return mails.size() >= n ? mails : null;
        });
    }

    /** Waits for the one message whose header `name` has `value` (e.g. a unique Subject). */
    public MailFile awaitWith(String name, String value, Duration timeout) {
        return Await.until(timeout, "a message with " + name + ": " + value + " in " + dir,
                () -> find(m -> m.has(name, value)).orElse(null));
    }

    /** Every message whose header `name` has `value`, now (no waiting). */
    public List<MailFile> allWith(String name, String value) {
        return mails().stream().filter(m -> m.has(name, value)).toList();
    }

    public Optional<MailFile> find(Predicate<MailFile> predicate) {
        return mails().stream().filter(predicate).findFirst();
    }

    public Path dir() {
        return dir;
    }
}
