package org.mailroot.admin.ops;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.mailroot.admin.http.Actor;
import org.mailroot.admin.http.Json;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Virtual servers: the factory configurations {@code org.mailroot.listener~NAME}, with the state
 * the listener service shows (running, paused) or stopped when none listens for the name.
 * Pause and resume set {@code paused} through {@link ConfigOps} (validated, written to etc/, logged).
 */
public final class ServerOps {
    public static final String FACTORY = "org.mailroot.listener";
    private static final String NAME = "mailroot.listener";
    private static final String ADDRESSES = "mailroot.listener.addresses";

    /** One virtual server as configured and as running. */
    public record Server(String name, String pid, String state, List<String> addresses) {
    }

    private final BundleContext context;
    private final ConfigurationAdmin cm;
    private final ConfigOps config;

    public ServerOps(BundleContext context, ConfigurationAdmin cm, ConfigOps config) {
        this.context = context;
        this.cm = cm;
        this.config = config;
    }

    public List<Server> servers() throws IOException, InvalidSyntaxException {
        TreeMap<String, Server> byName = new TreeMap<>();
        Configuration[] configs = cm.listConfigurations("(service.factoryPid=" + FACTORY + ")");
        for (Configuration c : configs == null ? new Configuration[0] : configs) {
            String pid = c.getPid();
            Object n = c.getProperties() == null ? null : c.getProperties().get("name");
            String name = n != null ? n.toString() : pid.substring(pid.indexOf('~') + 1);
            boolean paused = c.getProperties() != null && "true".equalsIgnoreCase(String.valueOf(c.getProperties().get("paused")));
            List<String> addresses = addresses(name);
            String state = addresses.isEmpty() ? "stopped" : paused ? "paused" : "running";
            byName.put(name, new Server(name, pid, state, addresses));
        }
        return new ArrayList<>(byName.values());
    }

    /** The state of a name for JMX ("-" for counted names that are no virtual server, like pickup). */
    public String state(String name) {
        try {
            return servers().stream().filter(s -> s.name().equals(name)).map(Server::state).findFirst().orElse("-");
        } catch (IOException | InvalidSyntaxException e) {
            return "unknown";
        }
    }

    public JsonObject list() throws IOException, InvalidSyntaxException {
        JsonArrayBuilder out = Json.array();
        for (Server s : servers()) {
            JsonArrayBuilder a = Json.array();
            s.addresses().forEach(a::add);
            out.add(Json.object().add("name", s.name()).add("pid", s.pid()).add("state", s.state()).add("addresses", a));
        }
        return Json.object().add("servers", out).build();
    }

    public JsonObject pause(String name, boolean paused, Actor actor) throws IOException, InvalidSyntaxException {
        List<Server> all = servers();
        Server s = all.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        if (s == null) {
            throw new NoSuchElementException("No virtual server named " + name + "; configured: "
                    + String.join(", ", all.stream().map(Server::name).toList()));
        }
        return config.set(s.pid(), "paused", Boolean.toString(paused), actor);
    }

    private List<String> addresses(String name) throws InvalidSyntaxException {
        List<String> out = new ArrayList<>();
        ServiceReference<?>[] refs = context.getAllServiceReferences(null,
                "(&(" + NAME + "=" + name.replaceAll("[()*\\\\]", "") + ")(" + ADDRESSES + "=*))");
        for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
            Object a = r.getProperty(ADDRESSES);
            if (a instanceof Object[] arr) {
                for (Object o : arr) {
                    out.add(String.valueOf(o));
                }
            } else if (a instanceof Collection<?> col) {
                col.forEach(o -> out.add(String.valueOf(o)));
            } else if (a != null) {
                out.add(a.toString());
            }
        }
        return out;
    }
}
