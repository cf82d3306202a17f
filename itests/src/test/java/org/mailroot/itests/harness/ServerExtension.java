package org.mailroot.itests.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link InProcessServer} per test on a fresh {@link Instance}: started before each test,
 * closed after it (also when the test or the start failed). Register it on an instance field:
 *
 * <pre>
 * &#64;RegisterExtension
 * final ServerExtension server = new ServerExtension();
 *
 * &#64;Test
 * &#64;ServerExtension.Listener({"maxMessageSizeKb=64"})   // optional: listener keys written before start
 * void test() { ... server.port() ... }
 * </pre>
 *
 * {@link #beforeStart(Consumer)} writes further etc/ files (or anything else) into the instance
 * before the server boots.
 */
public final class ServerExtension implements BeforeEachCallback, AfterEachCallback {

    /** Listener keys (key=value) for this test's instance, written to etc/ before the server starts. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Listener {
        String[] value();
    }

    private Consumer<Instance> beforeStart = instance -> { };
    private InProcessServer server;

    /** Runs after the instance's etc/ is written and before the server starts. */
    public ServerExtension beforeStart(Consumer<Instance> customisation) {
        this.beforeStart = this.beforeStart.andThen(customisation);
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Map<String, String> listener = context.getTestMethod()
                .map(m -> m.getAnnotation(Listener.class))
                .map(ServerExtension::parse)
                .orElse(Map.of());
        Instance instance = Instance.create(listener);
        beforeStart.accept(instance);
        server = InProcessServer.start(instance);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static Map<String, String> parse(Listener listener) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String entry : listener.value()) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@Listener entries are key=value: " + entry);
            }
            keys.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return keys;
    }

    /** The running server of the current test. */
    public InProcessServer get() {
        if (server == null) {
            throw new IllegalStateException("no server: used outside a test, or the start failed");
        }
        return server;
    }

    public int port() {
        return get().port();
    }

    public Instance instance() {
        return get().instance();
    }
}
