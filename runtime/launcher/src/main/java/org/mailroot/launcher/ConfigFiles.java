package org.mailroot.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Reads etc/*.cfg (java.util.Properties syntax, as FileInstall does) for the startup report. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** One .cfg file: its path and its properties. */
    record Cfg(Path file, Properties properties) {
        String get(String key, String fallback) {
            return properties.getProperty(key, fallback).trim();
        }
    }

    static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // unreadable: the owning component reports it; the report shows defaults
            }
        }
        return p;
    }

    /** Factory configurations of a PID: etc/{factoryPid}~*.cfg (and the older '-' form). */
    static List<Cfg> factory(Path etc, String factoryPid) {
        List<Cfg> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(etc)) {
            files.filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".cfg")
                        && (n.startsWith(factoryPid + "~") || n.startsWith(factoryPid + "-"));
            }).sorted().forEach(f -> result.add(new Cfg(f, read(f))));
        } catch (IOException e) {
            // no etc/: no factory configurations
        }
        return result;
    }
}
