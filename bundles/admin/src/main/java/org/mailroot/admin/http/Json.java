package org.mailroot.admin.http;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Jakarta JSON Processing (Eclipse Parsson as the provider bundle). The API finds its provider
 * with the thread context class loader's ServiceLoader, which sees nothing in OSGi: we look up
 * the bundle that declares {@code osgi.serviceloader=jakarta.json.spi.JsonProvider} and use its
 * class loader, directly here and as the context loader around libraries that call
 * {@code jakarta.json.Json} themselves (the Felix feature reader).
 */
public final class Json {
    private static final String NAMESPACE = "osgi.serviceloader";
    private static final String SPI = "jakarta.json.spi.JsonProvider";
    private static volatile ClassLoader providerLoader;
    private static volatile JsonProvider provider;

    private Json() {
    }

    public static JsonProvider provider() {
        JsonProvider p = provider;
        if (p == null) {
            ClassLoader loader = providerLoader();
            p = loader == null ? JsonProvider.provider()
                    : ServiceLoader.load(JsonProvider.class, loader).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no JSON provider in " + loader));
            provider = p;
        }
        return p;
    }

    /** Runs the call with the JSON provider bundle as the thread context class loader. */
    public static <T> T withProvider(Callable<T> call) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        ClassLoader loader = providerLoader();
        if (loader != null) {
            t.setContextClassLoader(loader);
        }
        try {
            return call.call();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    public static JsonObjectBuilder object() {
        return provider().createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return provider().createArrayBuilder();
    }

    public static String write(JsonValue value) {
        StringWriter out = new StringWriter();
        try (var writer = provider().createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }

    /** Parses a JSON object; throws jakarta.json.JsonException (a RuntimeException) when malformed. */
    public static JsonObject parse(String text) {
        try (var reader = provider().createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static ClassLoader providerLoader() {
        ClassLoader loader = providerLoader;
        if (loader != null) {
            return loader;
        }
        Bundle self = FrameworkUtil.getBundle(Json.class);
        if (self == null || self.getBundleContext() == null) {
            return null; // plain class path (unit tests): the JDK ServiceLoader works
        }
        for (Bundle b : self.getBundleContext().getBundles()) {
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring != null && wiring.getCapabilities(NAMESPACE).stream()
                    .anyMatch(c -> SPI.equals(c.getAttributes().get(NAMESPACE)))) {
                providerLoader = wiring.getClassLoader();
                return providerLoader;
            }
        }
        throw new IllegalStateException("no bundle provides " + SPI + " (deploy org.eclipse.parsson)");
    }
}
