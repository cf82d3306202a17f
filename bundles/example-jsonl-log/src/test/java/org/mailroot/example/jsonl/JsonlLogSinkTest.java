package org.mailroot.example.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.api.log.MailEvent;
import org.osgi.framework.BundleContext;

class JsonlLogSinkTest {
    @TempDir
    Path base;

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, m, a) -> m.getName().equals("getProperty") && "mailroot.base".equals(a[0]) ? base.toString() : null);
    }

    private static JsonlLogSink.Config config(String name) {
        return new JsonlLogSink.Config() {
            public Class<? extends Annotation> annotationType() { return JsonlLogSink.Config.class; }
            public String name() { return name; }
        };
    }

    private static MailEvent event(String argument) {
        return new MailEvent(Instant.parse("2026-11-22T12:00:00Z"), MailEvent.Type.COMMAND, "s1", "default",
                "127.0.0.1", "", "", "RCPT", argument, 250, "2.1.5 OK", 10, 20, 3);
    }

    private List<String> lines(String name) throws Exception {
        return Files.readAllLines(base.resolve("logs").resolve(name + ".jsonl"));
    }

    @Test
    void eachEventIsOneJsonLineAppendedToLogsName() throws Exception {
        Files.createDirectories(base.resolve("logs"));
        Files.writeString(base.resolve("logs").resolve("events.jsonl"), "{\"earlier\":true}\n");
        JsonlLogSink sink = new JsonlLogSink();
        sink.activate(context(), config("events"));
        sink.log(event("TO:<a@example.com>"));
        sink.log(event("evil\r\n{\"forged\":1}\u0001\"\\"));
        sink.deactivate();

        List<String> lines = lines("events");
        assertEquals(3, lines.size(), "appended after the existing line, one line per event: " + lines);
        assertEquals("{\"time\":\"2026-11-22T12:00:00Z\",\"type\":\"COMMAND\",\"session\":\"s1\",\"listener\":\"default\","
                + "\"client\":\"127.0.0.1\",\"user\":\"\",\"messageId\":\"\",\"command\":\"RCPT\","
                + "\"argument\":\"TO:<a@example.com>\",\"code\":250,\"text\":\"2.1.5 OK\",\"bytesIn\":10,\"bytesOut\":20,\"ms\":3}",
                lines.get(1));
        assertTrue(lines.get(2).contains("\"argument\":\"evil\\r\\n{\\\"forged\\\":1}\\u0001\\\"\\\\\""), lines.get(2));
    }

    @Test
    void aNewNameSwitchesFilesAndAnUnsafeNameIsRefused() throws Exception {
        JsonlLogSink sink = new JsonlLogSink();
        sink.activate(context(), config("first"));
        sink.log(event("1"));
        sink.modified(config("second"));
        sink.log(event("2"));
        sink.modified(config("../../etc/passwd"));
        sink.log(event("3"));
        sink.deactivate();
        sink.log(event("after stop: ignored"));

        assertEquals(1, lines("first").size());
        assertEquals(2, lines("second").size(), "the unsafe name is refused and second stays in use");
        assertTrue(Files.notExists(base.resolve("etc")));
    }
}
