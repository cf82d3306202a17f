package org.mailroot.launcher.feature;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.felix.feature.impl.FeatureServiceImpl;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureService;

/**
 * Reads and writes feature files (OSGi Feature Service JSON, {@code feature-resource-version} 1.0)
 * with Apache Felix's implementation of {@link FeatureService}: no parser of our own.
 */
public final class FeatureFiles {
    /** The one format version we read and write (OSGi Feature Service 1.0, 160.2). */
    public static final String RESOURCE_VERSION = "1.0";
    private static final FeatureService SERVICE = new FeatureServiceImpl();

    private FeatureFiles() {
    }

    public static FeatureService service() {
        return SERVICE;
    }

    /** Reads one feature file; the message of a failure names the file. */
    public static Feature read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return SERVICE.readFeature(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a valid feature (OSGi Feature Service JSON): " + e.getMessage(), e);
        }
    }

    /** The feature's name: its file name without .json (the name used in etc/org.mailroot.features.cfg). */
    public static String name(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    /**
     * Writes a feature with Felix's writer, adding the {@code feature-resource-version} member that
     * the writer leaves out so the file stays in the format of the hand-written ones.
     */
    public static void write(Feature feature, Path file) throws IOException {
        StringWriter raw = new StringWriter();
        SERVICE.writeFeature(feature, raw);
        JsonObject written;
        try (JsonReader reader = Json.createReader(new StringReader(raw.toString()))) {
            written = reader.readObject();
        }
        JsonObjectBuilder out = Json.createObjectBuilder().add("feature-resource-version", RESOURCE_VERSION);
        written.forEach(out::add);
        JsonWriterFactory pretty = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file)) {
            pretty.createWriter(w).write(out.build());
            w.write('\n');
        }
    }
}
