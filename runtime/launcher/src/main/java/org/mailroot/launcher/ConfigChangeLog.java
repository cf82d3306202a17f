package org.mailroot.launcher;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every configuration change (design §4: every change is logged) with the etc/ file it came
 * from. A ConfigurationListener made as a proxy over the Configuration Admin bundle's own API
 * class, because the launcher does not share that package with the framework. It also hands
 * '~' file names to {@link FactoryConfigBridge}.
 */
final class ConfigChangeLog implements InvocationHandler {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailroot.config");
    private static final String LISTENER = "org.osgi.service.cm.ConfigurationListener";
    private static final int UPDATED = 1;
    private static final int DELETED = 2;

    private final Layout layout;
    private final BundleContext context;

    private ConfigChangeLog(Layout layout, BundleContext context) {
        this.layout = layout;
        this.context = context;
    }

    static void register(BundleContext context, Layout layout) {
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.ACTIVE && "org.apache.felix.configadmin".equals(b.getSymbolicName())) {
                try {
                    Class<?> type = b.loadClass(LISTENER);
                    Object listener = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                            new ConfigChangeLog(layout, context));
                    context.registerService(LISTENER, listener, null);
                } catch (ClassNotFoundException e) {
                    LOG.warn("Configuration changes will not be logged: {}", e.toString());
                }
                return;
            }
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Exception {
        switch (method.getName()) {
            case "configurationEvent" -> log(args[0]);
            case "hashCode" -> { return System.identityHashCode(proxy); }
            case "equals" -> { return proxy == args[0]; }
            case "toString" -> { return "ConfigChangeLog"; }
            default -> { }
        }
        return null;
    }

    private void log(Object event) throws ReflectiveOperationException {
        int type = (Integer) event.getClass().getMethod("getType").invoke(event);
        String pid = (String) event.getClass().getMethod("getPid").invoke(event);
        String factoryPid = (String) event.getClass().getMethod("getFactoryPid").invoke(event);
        ServiceReference<?> cm = (ServiceReference<?>) event.getClass().getMethod("getReference").invoke(event);
        if (FactoryConfigBridge.convert(context, cm, pid, factoryPid, type == UPDATED)) {
            return;
        }
        Path file = layout.etc().resolve(pid + ".cfg");
        String from = Files.exists(file) || type == DELETED ? " (etc/" + file.getFileName() + ")" : "";
        if (type == UPDATED) {
            LOG.info("Configuration {} applied{}", pid, from);
        } else if (type == DELETED) {
            LOG.info("Configuration {} removed{}", pid, from);
        }
    }
}
