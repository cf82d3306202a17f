package org.mailroot.itests.harness;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Components that are not active, with SCR's failure text (DS 1.4 ComponentConfigurationDTO).
 * Reflection because the DTO classes live in the framework, not on the test class path.
 */
final class ScrDiagnosis {
    private static final String SCR = "org.osgi.service.component.runtime.ServiceComponentRuntime";

    private ScrDiagnosis() {
    }

    static String describe(BundleContext context) {
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(SCR, null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs == null) {
            return "no ServiceComponentRuntime";
        }
        ServiceReference<?> ref = refs[0];
        Object scr = context.getService(ref);
        List<String> out = new ArrayList<>();
        try {
            Method descriptions = scr.getClass().getMethod("getComponentDescriptionDTOs", Class.forName(
                    "[Lorg.osgi.framework.Bundle;"));
            Collection<?> all = (Collection<?>) descriptions.invoke(scr, Array.newInstance(org.osgi.framework.Bundle.class, 0));
            for (Object description : all) {
                String name = (String) field(description, "name");
                Method configurations = find(scr, "getComponentConfigurationDTOs");
                Collection<?> configs = (Collection<?>) configurations.invoke(scr, description);
                if (configs.isEmpty()) {
                    out.add(name + ": no configuration (waiting for its PID?)");
                }
                for (Object config : configs) {
                    int state = (Integer) field(config, "state");
                    if (state != 8 && state != 4) { // ACTIVE, SATISFIED
                        Object failure = fieldOrNull(config, "failure");
                        out.add(name + ": state " + state + (failure == null ? "" : " failure: " + failure));
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "no SCR diagnosis: " + e;
        } finally {
            context.ungetService(ref);
        }
        return out.isEmpty() ? "all components active" : String.join("; ", out);
    }

    /** Every configuration in ConfigAdmin: pid, factory pid and bound location. */
    static String configurations(BundleContext context) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences("org.osgi.service.cm.ConfigurationAdmin", null);
            if (refs == null) {
                return "no ConfigurationAdmin";
            }
            Object cm = context.getService(refs[0]);
            try {
                Object[] configs = (Object[]) find(cm, "listConfigurations").invoke(cm, (Object) null);
                List<String> out = new ArrayList<>();
                for (Object c : configs == null ? new Object[0] : configs) {
                    Method pid = c.getClass().getMethod("getPid");
                    Method factory = c.getClass().getMethod("getFactoryPid");
                    Method location = c.getClass().getMethod("getBundleLocation");
                    pid.setAccessible(true);
                    factory.setAccessible(true);
                    location.setAccessible(true);
                    out.add(pid.invoke(c) + " (factory " + factory.invoke(c) + ", location " + location.invoke(c) + ")");
                }
                return String.join(", ", out);
            } finally {
                context.ungetService(refs[0]);
            }
        } catch (ReflectiveOperationException | RuntimeException | org.osgi.framework.InvalidSyntaxException e) {
            return "no configuration list: " + e;
        }
    }

    private static Method find(Object target, String name) {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalStateException("no method " + name);
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field f = target.getClass().getField(name);
        return f.get(target);
    }

    private static Object fieldOrNull(Object target, String name) {
        try {
            return field(target, name);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
