package org.mailroot.launcher;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Configures logback from the instance's etc/logback.xml. The file may use ${mailroot.base} and
 * ${mailroot.logs}. Without the file (or without logback) logback's defaults stay.
 */
final class Logging {
    private Logging() {
    }

    static void configure(Layout layout) {
        Path file = layout.etc().resolve("logback.xml");
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context) || !Files.isRegularFile(file)) {
            return;
        }
        context.reset();
        context.putProperty("mailroot.base", layout.base().toString());
        context.putProperty("mailroot.logs", layout.logs().toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(file.toFile());
        } catch (JoranException e) {
            // logback keeps a status list; print it so a broken logback.xml is not silent
            System.err.println("Mailroot: invalid " + file + ": " + e.getMessage());
        }
    }
}
