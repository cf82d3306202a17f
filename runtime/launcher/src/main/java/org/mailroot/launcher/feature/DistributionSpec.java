package org.mailroot.launcher.feature;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureExtension;

/**
 * The {@value #EXTENSION} extension of a feature (a standard OSGi Feature extension of type json,
 * kind mandatory): what makes a feature a distribution. All members are optional:
 * <pre>
 * "mailroot-distribution": { "kind": "mandatory", "type": "json", "json": {
 *     "from": "standard",                      start from this distribution feature
 *     "archive": "mailroot",                   output name (default: the feature id's artifactId)
 *     "features": ["core", "delivery-local"],  capability features shipped and enabled at boot
 *     "available": ["log-w3c"],                shipped (bundles in system/) but not enabled
 *     "remove": { "features": [...], "bundles": ["groupId:artifactId"], "configurations": ["pid"] } } }
 * </pre>
 */
public record DistributionSpec(Optional<String> from, Optional<String> archive, List<String> features,
        List<String> available, List<String> removeFeatures, List<String> removeBundles,
        List<String> removeConfigurations) {

    public static final String EXTENSION = "mailroot-distribution";

    /** The spec of a feature, or empty if it has no {@value #EXTENSION} extension (a capability feature). */
    public static Optional<DistributionSpec> of(Feature feature) {
        FeatureExtension ext = feature.getExtensions().get(EXTENSION);
        if (ext == null) {
            return Optional.empty();
        }
        if (ext.getType() != FeatureExtension.Type.JSON) {
            throw new IllegalArgumentException(feature.getID() + ": extension " + EXTENSION + " must have \"type\": \"json\"");
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(ext.getJSON()))) {
            json = reader.readObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException(feature.getID() + ": extension " + EXTENSION + ": " + e.getMessage(), e);
        }
        JsonObject remove = json.containsKey("remove") ? json.getJsonObject("remove") : JsonValue.EMPTY_JSON_OBJECT;
        return Optional.of(new DistributionSpec(
                Optional.ofNullable(json.getString("from", null)),
                Optional.ofNullable(json.getString("archive", null)),
                strings(json, "features"), strings(json, "available"),
                strings(remove, "features"), strings(remove, "bundles"), strings(remove, "configurations")));
    }

    private static List<String> strings(JsonObject json, String key) {
        JsonArray array = json.containsKey(key) ? json.getJsonArray(key) : JsonValue.EMPTY_JSON_ARRAY;
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).map(String::trim).toList();
    }
}
