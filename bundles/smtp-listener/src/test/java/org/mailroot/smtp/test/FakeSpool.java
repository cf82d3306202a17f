package org.mailroot.smtp.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;
import org.mailroot.api.spool.Folder;
import org.mailroot.api.spool.Spool;

/** A spool in memory: records each store; completes at once unless {@link #manual} is set. */
public final class FakeSpool implements Spool {
    public record Stored(Envelope envelope, String content, CompletableFuture<Void> future) {
    }

    public final List<Stored> stored = new ArrayList<>();
    public boolean manual;
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public CompletionStage<Void> store(Envelope envelope, MessageContent content) {
        String text;
        try (InputStream in = content.open()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.length() != content.size()) {
            throw new AssertionError("size() disagrees with the content");
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        stored.add(new Stored(envelope, text, f));
        if (!manual) {
            f.complete(null);
        }
        return f;
    }

    public Stored last() {
        return stored.get(stored.size() - 1);
    }

    @Override
    public Path folder(Folder folder) {
        return Path.of("/nonexistent", folder.directoryName());
    }

    @Override
    public int queueLength() {
        return stored.size();
    }

    @Override
    public String newMessageId() {
        return "M" + ids.incrementAndGet();
    }
}
