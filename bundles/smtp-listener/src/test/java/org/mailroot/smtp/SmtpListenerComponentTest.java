package org.mailroot.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The DS component without a framework: config proxies in, registered properties out. */
class SmtpListenerComponentTest {
    private final List<Dictionary<String, ?>> registered = new CopyOnWriteArrayList<>();

    private BundleContext context() {
        ServiceRegistration<?> reg = (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                    if (m.getName().equals("setProperties")) {
                        registered.add((Dictionary<String, ?>) a[0]);
                    }
                    return null;
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> {
                    if (m.getName().equals("registerService")) {
                        registered.add((Dictionary<String, ?>) a[2]);
                        return reg;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A config whose unset keys take the annotation defaults, as DS does. */
    private static SmtpListener.Config config(Map<String, Object> values) {
        return (SmtpListener.Config) Proxy.newProxyInstance(SmtpListener.Config.class.getClassLoader(),
                new Class<?>[] {SmtpListener.Config.class}, (p, m, a) -> values.containsKey(m.getName())
                        ? values.get(m.getName()) : m.getDefaultValue());
    }

    private static String greeting(int port) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void registersTheBoundPortAndRebindsOnlyForAddressChanges() throws Exception {
        Map<String, Object> values = new HashMap<>(Map.of("name", "test", "bindAddress", "127.0.0.1",
                "port", 0, "serverName", "mx.test.example"));
        SmtpListener listener = new SmtpListener();
        listener.activate(config(values), context());
        try {
            Dictionary<String, ?> props = registered.get(0);
            int port = (Integer) props.get(SmtpListener.PROPERTY_PORT);
            assertTrue(port > 0);
            assertEquals("test", props.get("mailroot.listener"));
            assertArrayEquals(new String[] {"127.0.0.1:" + port}, (String[]) props.get(SmtpListener.PROPERTY_ADDRESSES));
            assertEquals("220 mx.test.example ESMTP Mailroot ready", greeting(port));

            values.put("maxRecipients", 5);
            values.put("banner", "Hi");
            listener.modified(config(values));
            assertEquals(port, registered.get(1).get(SmtpListener.PROPERTY_PORT), "no rebind for a limit");
            assertEquals(5, listener.settings().maxRecipients());
            assertEquals("220 mx.test.example Hi", greeting(port));

            values.put("maxRecipients", 0);
            assertThrows(IllegalArgumentException.class, () -> listener.modified(config(values)));
            assertEquals(5, listener.settings().maxRecipients(), "an invalid value leaves the old in force");

            values.put("maxRecipients", 5);
            values.put("hookTimeoutSeconds", 7);
            listener.modified(config(values));
            assertEquals(port, registered.get(2).get(SmtpListener.PROPERTY_PORT), "port 0 -> 0 is no change");
            assertEquals(7, listener.settings().hookTimeoutSeconds());
        } finally {
            listener.deactivate();
        }
    }

    @Test
    void portChangeRebinds() throws Exception {
        Map<String, Object> values = new HashMap<>(Map.of("bindAddress", "127.0.0.1", "port", 0,
                "serverName", "mx.test.example"));
        SmtpListener listener = new SmtpListener();
        listener.activate(config(values), context());
        try {
            int first = (Integer) registered.get(0).get(SmtpListener.PROPERTY_PORT);
            values.put("bindAddress", "127.0.0.1, 127.0.0.2"); // all of 127/8 is loopback on Linux
            listener.modified(config(values));
            String[] addresses = (String[]) registered.get(1).get(SmtpListener.PROPERTY_ADDRESSES);
            int second = (Integer) registered.get(1).get(SmtpListener.PROPERTY_PORT);
            assertNotEquals(0, second);
            assertEquals(2, addresses.length);
            assertArrayEquals(new String[] {"127.0.0.1:" + second, "127.0.0.2:" + second}, addresses,
                    "port 0: every address shares the port picked first");
            assertEquals("220 mx.test.example ESMTP Mailroot ready", greeting(second));
            assertTrue(first > 0);
        } finally {
            listener.deactivate();
        }
    }
}
