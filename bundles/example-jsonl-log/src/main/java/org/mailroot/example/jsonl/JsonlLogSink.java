package org.mailroot.example.jsonl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.mailroot.api.log.LogSink;
import org.mailroot.api.log.MailEvent;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Example log sink: appends each event to {@code logs/<name>.jsonl} as one JSON object per line
 * (see {@link JsonLine}), for jq, Vector, Fluent Bit or Loki to pick up.
 *
 * <p>The sink contract: called on the event publisher's single thread, never a network thread,
 * so a plain file write is fine here; it must still not stall (a slow sink makes the publisher
 * drop events). One unbuffered append per event: a line is visible to tail -f at once, and
 * O_APPEND keeps lines whole when logrotate's copytruncate cuts the file. No fsync: a log line
 * lost in a power cut is acceptable, a disk flush per event is not.
 */
@Component(service = LogSink.class, configurationPid = JsonlLogSink.PID)
@Designate(ocd = JsonlLogSink.Config.class)
public class JsonlLogSink implements LogSink {
    static final String PID = "org.mailroot.example.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(JsonlLogSink.class);
    // A file name inside logs/, never a path: configuration must not write elsewhere.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    @ObjectClassDefinition(name = "Mailroot example: JSON lines log", description = "Events as JSON lines in logs/")
    public @interface Config {
        @AttributeDefinition(name = "Name", description = "File name without extension: logs/<name>.jsonl")
        String name() default "events";
    }

    private Path logs;
    private String name = "events";
    private FileChannel channel; // guarded by this: log() and configuration changes

    @Activate
    synchronized void activate(BundleContext context, Config config) throws IOException {
        // mailroot.base is the instance folder (CONVENTIONS "Runtime facts")
        String base = context.getProperty("mailroot.base");
        logs = Path.of(base != null ? base : ".").resolve("logs");
        Files.createDirectories(logs);
        modified(config);
    }

    @Modified
    synchronized void modified(Config config) throws IOException {
        String wanted = config.name().strip();
        if (!NAME.matcher(wanted).matches()) {
            LOG.error("Invalid configuration {} (etc/{}.cfg): name={}; allowed: 1-64 of A-Z a-z 0-9 . _ -,"
                    + " not starting with a dot; keeping {}", PID, PID, config.name(), name);
            wanted = name;
        }
        if (channel != null && wanted.equals(name)) {
            return;
        }
        deactivate();
        Path file = logs.resolve(wanted + ".jsonl");
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        name = wanted;
        LOG.info("JSON lines event log: {}", file);
    }

    @Deactivate
    synchronized void deactivate() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    @Override
    public synchronized void log(MailEvent event) {
        if (channel == null) {
            return; // being reconfigured or stopped: this one event is not logged
        }
        try {
            ByteBuffer line = ByteBuffer.wrap(JsonLine.of(event).getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            // The publisher logs a sink's exception (rate-limited) and carries on: let it know.
            throw new java.io.UncheckedIOException(e);
        }
    }
}
