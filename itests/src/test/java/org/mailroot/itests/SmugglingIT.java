package org.mailroot.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailroot.itests.harness.MailFile;
import org.mailroot.itests.harness.Messages;
import org.mailroot.itests.harness.ServerExtension;
import org.mailroot.itests.harness.Smtp;
import org.mailroot.itests.harness.Smtp.Reply;

/**
 * SMTP smuggling (CVE-2023-51764 class): an end-of-data sequence with a bare LF or CR must never end
 * the message, so the commands after it can never become a second, forged message. RFC 5321 2.3.8
 * and 4.1.1.4: only CRLF.CRLF ends the data.
 */
class SmugglingIT {
    private static final Duration DELIVERY = Duration.ofSeconds(20);
    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @ParameterizedTest(name = "end of data spelled {0}")
    @ValueSource(strings = {"LF.LF", "LF.CRLF", "CRLF.LF", "CR.CR"})
    void bareLineEndingNeverEndsTheMessage(String variant) throws Exception {
        String fakeEnd = variant.replace("CR", "\r").replace("LF", "\n");
        String subject = "smuggle-" + UUID.randomUUID();
        String smuggled = "smuggled-" + UUID.randomUUID();
        try (Smtp smtp = Smtp.open(server.port())) {
            smtp.ehlo();
            assertEquals(250, smtp.command("MAIL FROM:<honest@client.example>").code());
            assertEquals(250, smtp.command("RCPT TO:<user@example.com>").code());
            assertEquals(354, smtp.command("DATA").code());
            smtp.send("Subject: " + subject + "\r\n\r\nfirst message" + fakeEnd
                    + "MAIL FROM:<ceo@example.com>\r\nRCPT TO:<victim@example.com>\r\nDATA\r\n"
                    + "Subject: " + smuggled + "\r\n\r\nforged\r\n.\r\n");
            Reply first = smtp.read();
            // the server may accept everything as one message, or refuse the bare line ending (5xx)
            assertTrue(first.code() == 250 || first.code() / 100 == 5,
                    "one reply to the whole data, 250 or a refusal: " + first);
            Reply quit = smtp.command("QUIT");
            assertEquals(221, quit.code(), "the next reply answers QUIT, so no smuggled command was run: " + quit);
        }
        Messages.marker(server.get(), DELIVERY);
        List<MailFile> mails = server.instance().dropFolder().mails();
        assertTrue(mails.stream().noneMatch(m -> m.has("Subject", smuggled)),
                "no smuggled message in Drop: " + mails.stream().map(MailFile::headers).toList());
        assertTrue(mails.stream().noneMatch(m -> String.valueOf(m.xSender()).contains("ceo@example.com")),
                "no message from the forged sender");
        assertTrue(mails.size() <= 2, "at most the first message and the marker: " + mails.size());
    }
}
