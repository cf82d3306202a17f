package org.mailroot.launcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.ServiceReference;

/**
 * A running virtual server as its listener service describes itself: service properties
 * {@code mailroot.listener} (the name) and {@code mailroot.listener.addresses} (host:port, one or many).
 *
 * @param name      the virtual server's name (its factory configuration name)
 * @param addresses the bound socket addresses, as the listener reports them
 */
public record ListenerInfo(String name, List<String> addresses) {
    /** Service property: the virtual server's name. */
    public static final String NAME = "mailroot.listener";
    /** Service property: the addresses it listens on. */
    public static final String ADDRESSES = "mailroot.listener.addresses";
    /** Matches listener services without loading any of their classes. */
    public static final String FILTER = "(" + ADDRESSES + "=*)";

    static ListenerInfo of(ServiceReference<?> ref) {
        return new ListenerInfo(String.valueOf(ref.getProperty(NAME)), strings(ref.getProperty(ADDRESSES)));
    }

    /** The port of each address (the text after the last ':'), for the status of bin/mailroot. */
    public List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        for (String a : addresses) {
            try {
                ports.add(Integer.parseInt(a.substring(a.lastIndexOf(':') + 1).replace("]", "")));
            } catch (NumberFormatException e) {
                // not host:port; shown as is elsewhere
            }
        }
        return ports;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Object[] array) {
            for (Object o : array) {
                out.add(String.valueOf(o));
            }
        } else if (value instanceof Collection<?> c) {
            c.forEach(o -> out.add(String.valueOf(o)));
        } else if (value != null) {
            for (String s : value.toString().split(",")) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
