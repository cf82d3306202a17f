package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.ServerExtension;

/** Python's smtplib as a real, independent peer: EHLO keywords, SIZE and the DSN parameters. */
class PythonSmtplibIT {
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void smtplibSendsWithSizeAndDsnParameters() throws Exception {
        String subject = "smtplib-" + UUID.randomUUID();
        List<String> output = runPython(subject);
        String all = String.join("\n", output);

        assertTrue(output.contains("EHLO=250"), "EHLO answered 250:\n" + all);
        for (String keyword : List.of("pipelining", "size", "8bitmime", "dsn")) {
            assertTrue(output.stream().anyMatch(l -> l.startsWith("FEATURE=" + keyword)),
                    "EHLO advertises " + keyword.toUpperCase() + ":\n" + all);
        }
        assertTrue(output.stream().anyMatch(l -> l.matches("FEATURE=size \\d+")),
                "SIZE carries the limit in bytes (RFC 1870):\n" + all);
        assertTrue(output.contains("RESULT=ok"), "smtplib got 250 with RET/ENVID/NOTIFY/ORCPT (RFC 3461):\n" + all);

        MailFile mail = server.instance().dropFolder().awaitWith("Subject", subject, Duration.ofSeconds(20));
        assertEquals(List.of("user@example.com"), mail.receivers());
    }

    private List<String> runPython(String subject) throws IOException, InterruptedException {
        Path script = Paths.get(System.getProperty("mailroot.itests.python", "src/test/python"))
                .resolve("send_smtplib.py");
        assertTrue(Files.isRegularFile(script), "missing " + script);
        Process process;
        try {
            process = new ProcessBuilder("python3", script.toString(), "127.0.0.1",
                    Integer.toString(server.port()), subject).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("python3 is required by PythonSmtplibIT but could not be run "
                    + "(install it, e.g. apt-get install python3): " + e.getMessage(), e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("smtplib did not finish within 60 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = out.lines().toList();
        assertEquals(0, process.exitValue(), "python3 send_smtplib.py failed:\n" + out);
        return lines;
    }
}
