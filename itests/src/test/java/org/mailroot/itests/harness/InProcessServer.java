package org.mailroot.itests.harness;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.mailroot.launcher.Mailroot;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/**
 * The real server in this JVM: the launcher boots Felix with the distribution's system/ bundles
 * on a fresh instance directory. Ready when the configured port answers 220.
 */
public final class InProcessServer implements AutoCloseable {
    public static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Instance instance;
    private final Mailroot mailroot;

    private InProcessServer(Instance instance, Mailroot mailroot) {
        this.instance = instance;
        this.mailroot = mailroot;
    }

    public static InProcessServer start(Instance instance) throws Exception {
        return start(instance, Distribution.home());
    }

    /** Boots from another distribution folder (a copy with extra features or bundles). */
    public static InProcessServer start(Instance instance, java.nio.file.Path home) throws Exception {
        Mailroot mailroot = Mailroot.start(home, instance.base(),
                Map.of("felix.fileinstall.poll", "250"));
        InProcessServer server = new InProcessServer(instance, mailroot);
        try {
            server.awaitGreeting(START_TIMEOUT);
            ConfigsDelivered.await(server.context(), instance.base().resolve("etc")); // local domains known
        } catch (AssertionError e) {
            String diagnosis = server.diagnosis();
            server.close();
            throw new AssertionError(e.getMessage() + "\n" + diagnosis, e);
        }
        return server;
    }

    public static InProcessServer start() throws Exception {
        return start(Instance.create());
    }

    /** Waits until a new connection gets 220 (the listener is bound and not paused). */
    public void awaitGreeting(Duration timeout) {
        Await.until(timeout, "a 220 greeting on port " + instance.port(), () -> Smtp.greeting(instance.port(), 2_000) == 220);
    }

    /** The mailroot.listener.port property of the listener service named name, or null if none is registered. */
    public Integer listenerPort(String name) {
        try {
            ServiceReference<?>[] refs = context().getAllServiceReferences(null, "(mailroot.listener=" + name + ")");
            if (refs == null) {
                return null;
            }
            return Arrays.stream(refs).map(r -> r.getProperty("mailroot.listener.port"))
                    .filter(p -> p != null).map(p -> Integer.valueOf(p.toString())).findFirst().orElse(null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Instance instance() {
        return instance;
    }

    public int port() {
        return instance.port();
    }

    public Framework framework() {
        return mailroot.framework();
    }

    public BundleContext context() {
        return framework().getBundleContext();
    }

    /** Bundles that are not active and the listener services: printed when the server did not come up. */
    public String diagnosis() {
        try {
            String bundles = Arrays.stream(context().getBundles())
                    .filter(b -> b.getState() != Bundle.ACTIVE)
                    .map(b -> b.getSymbolicName() + " " + b.getVersion() + " state=" + b.getState())
                    .collect(Collectors.joining(", "));
            ServiceReference<?>[] listeners = context().getAllServiceReferences(null, "(mailroot.listener=*)");
            String services = listeners == null ? "none" : Arrays.stream(listeners)
                    .map(r -> r.getProperty("mailroot.listener") + ":" + r.getProperty("mailroot.listener.port"))
                    .collect(Collectors.joining(", "));
            return "Bundles not active: [" + bundles + "]; services with mailroot.listener: " + services
                    + "; components: " + ScrDiagnosis.describe(context())
                    + "; configurations: " + ScrDiagnosis.configurations(context());
        } catch (IllegalStateException | InvalidSyntaxException e) {
            return "no diagnosis: " + e;
        }
    }

    @Override
    public void close() {
        mailroot.close();
    }
}
