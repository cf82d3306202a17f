package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.Await;
import org.mailroot.itests.harness.Distribution;
import org.mailroot.itests.harness.Examples;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Services;
import org.mailroot.itests.harness.Smtp;

/**
 * docs/plugins.md, the integrator kit: the example JSON lines log sink dropped into deploy/ of a
 * running server writes one line per event from the next command of an already open session on;
 * removed again, events are still published (the built-in protocol log shows them) but no line
 * is added.
 */
class JsonlLogExampleIT {
    private static final String COMPONENT = "org.mailroot.example.jsonl.JsonlLogSink";
    private static final Duration APPLIED = Duration.ofSeconds(20);
    private static final Pattern SESSION = Pattern.compile("\"session\":\"([^\"]*)\"");

    @RegisterExtension
    final ServerExtension server = new ServerExtension().beforeStart(JsonlLogExampleIT::protocolLogAtDebug);

    @Test
    void sinkDroppedIntoDeployLogsEachEventAndStopsWhenRemoved() throws Exception {
        Path jsonl = server.instance().base().resolve("logs").resolve("events.jsonl");
        try (Smtp session = Smtp.open(server.port())) {
            assertEquals(250, session.ehlo().code());
            String before = send(session);
            awaitProtocolLog("DELIVERED", before);
            assertTrue(Files.notExists(jsonl), "no JSON lines before the plugin");

            Path jar = Examples.deploy(server.instance(), Examples.JSONL_LOG);
            Services.awaitRegistered(server.get(), COMPONENT, APPLIED);
            // the registry lists a new service a moment before the publisher has bound it (the
            // REGISTERED event comes after): probe connections until one is logged
            Await.until(APPLIED, "a probe connection logged in " + jsonl, () -> {
                Smtp.greeting(server.port(), 3_000);
                return lines(jsonl).stream().anyMatch(l -> l.contains("\"type\":\"CONNECT\""));
            });
            String during = send(session);
            String rcpt = Await.until(APPLIED, "the RCPT of " + during + " in " + jsonl,
                    () -> lines(jsonl).stream().filter(l -> l.contains("\"command\":\"RCPT\"") && l.contains(during))
                            .findFirst().orElse(null));
            Await.until(APPLIED, "the delivery of " + during + " in " + jsonl,
                    () -> lines(jsonl).stream().anyMatch(l -> l.contains("\"type\":\"DELIVERED\"") && l.contains(during)));
            Matcher m = SESSION.matcher(rcpt);
            assertTrue(m.find(), rcpt);
            String sessionId = m.group(1);
            List<String> ofSession = lines(jsonl).stream().filter(l -> l.contains("\"session\":\"" + sessionId + "\"")).toList();
            List<String> kinds = ofSession.stream().map(JsonlLogExampleIT::kind).toList();
            assertEquals(List.of("COMMAND MAIL", "COMMAND RCPT", "COMMAND DATA", "COMMAND DATA", "RECEIVED"), kinds.subList(0, 5),
                    "one line per event of the open session, from its next command on: " + ofSession);
            assertTrue(lines(jsonl).stream().allMatch(l -> l.startsWith("{\"time\":\"") && l.endsWith("}")),
                    "every line is one JSON object");
            assertTrue(lines(jsonl).stream().noneMatch(l -> l.contains(before)), "nothing from before the deploy");

            Files.delete(jar);
            Services.awaitGone(server.get(), COMPONENT, APPLIED);
            int count = lines(jsonl).size();
            String after = send(session);
            assertEquals(221, session.command("QUIT").code());
            // the built-in sink saw the events, so they were published and fanned out
            awaitProtocolLog("DELIVERED", after);
            awaitProtocolLog("DISCONNECT " + sessionId, "");
            assertEquals(count, lines(jsonl).size(), "no line added after the removal");
            assertTrue(lines(jsonl).stream().noneMatch(l -> l.contains(after)));
        }
    }

    /** "TYPE" or "COMMAND VERB" of one line. */
    private static String kind(String line) {
        Matcher type = Pattern.compile("\"type\":\"([A-Z]+)\"").matcher(line);
        Matcher command = Pattern.compile("\"command\":\"([A-Z]*)\"").matcher(line);
        String t = type.find() ? type.group(1) : "?";
        return "COMMAND".equals(t) && command.find() ? t + " " + command.group(1) : t;
    }

    /** MAIL, RCPT to a unique mailbox, DATA on the open session; returns the unique local part. */
    private static String send(Smtp session) throws IOException {
        String local = "jsonl-" + UUID.randomUUID();
        assertEquals(250, session.command("MAIL FROM:<sender@client.example>").code());
        assertEquals(250, session.command("RCPT TO:<" + local + "@example.com>").code());
        assertEquals(250, session.data("Subject: " + local + "\r\n\r\nhello").code());
        return local;
    }

    private void awaitProtocolLog(String event, String text) {
        Path log = server.instance().base().resolve("logs").resolve("mailroot.log");
        Await.until(APPLIED, event + " " + text + " on the mailroot.protocol logger in " + log,
                () -> read(log).lines().anyMatch(l -> l.contains("mailroot.protocol") && l.contains(event) && l.contains(text)));
    }

    private static List<String> lines(Path file) {
        return Files.exists(file) ? read(file).lines().toList() : List.of();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The distribution's logback.xml with the built-in sink's logger at DEBUG: our witness that events flowed. */
    private static void protocolLogAtDebug(org.mailroot.itests.harness.Instance instance) {
        try {
            String xml = Files.readString(Distribution.home().resolve("etc").resolve("logback.xml"));
            xml = xml.replace("<root ", "<logger name=\"mailroot.protocol\" level=\"DEBUG\"/>\n  <root ");
            Files.writeString(instance.base().resolve("etc").resolve("logback.xml"), xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
