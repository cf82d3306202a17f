package org.mailroot.itests.harness;

import java.io.IOException;
import java.time.Duration;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The server answers 220 as soon as its listener is bound, which can be before FileInstall has
 * handed every etc/ file to its component: relay tests first wait for the relay bundle's three
 * hooks and for example.com to be served as a local domain.
 */
public final class RelayReady {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private RelayReady() {
    }

    public static void await(InProcessServer server) {
        Await.until(TIMEOUT, "the relay bundle's three hooks (org.mailroot.relay~default)", () -> hooks(server) == 3);
        Await.until(TIMEOUT, "example.com served as a local domain", () -> localRecipient(server.port()) == 250);
    }

    private static int hooks(InProcessServer server) {
        try {
            ServiceReference<?>[] refs = server.context().getAllServiceReferences(null,
                    "(component.name=org.mailroot.relay~default/*)");
            return refs == null ? 0 : refs.length;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static int localRecipient(int port) {
        try (Smtp smtp = Smtp.open(port)) {
            smtp.ehlo();
            smtp.command("MAIL FROM:<ready@client.example>");
            return smtp.command("RCPT TO:<ready@example.com>").code();
        } catch (IOException e) {
            return -1;
        }
    }
}
