package org.mailroot.admin.ops;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.mailroot.admin.features.FeatureManager;
import org.mailroot.admin.http.Request;
import org.mailroot.admin.http.Response;
import org.mailroot.admin.http.Routes;

/**
 * The admin API (docs/admin.md):
 * <pre>
 * GET  /v1/bundles                     GET  /v1/status
 * GET  /v1/features                    POST /v1/features/{name}/enable|disable
 * GET  /v1/config/{pid}[?key=K]        PUT  /v1/config/{pid}   {"key": K, "value": V}
 * GET  /v1/servers                     POST /v1/servers/{name}/pause|resume
 * GET  /metrics                        (Prometheus text format)
 * </pre>
 */
public final class AdminRoutes implements Routes {
    private final BundleOps bundles;
    private final ConfigOps config;
    private final ServerOps servers;
    private final StatusOps status;
    private final Supplier<FeatureManager> features;
    private final Supplier<String> metrics;
    private final String adminSymbolicName;

    public AdminRoutes(BundleOps bundles, ConfigOps config, ServerOps servers, StatusOps status,
            Supplier<FeatureManager> features, Supplier<String> metrics, String adminSymbolicName) {
        this.bundles = bundles;
        this.config = config;
        this.servers = servers;
        this.status = status;
        this.features = features;
        this.metrics = metrics;
        this.adminSymbolicName = adminSymbolicName;
    }

    @Override
    public Response handle(Request r) throws Exception {
        List<String> p = r.path();
        String m = r.method();
        if (p.equals(List.of("metrics")) && m.equals("GET")) {
            return Response.text(metrics.get(), org.mailroot.admin.metrics.PrometheusExport.CONTENT_TYPE);
        }
        if (p.size() < 2 || !p.get(0).equals("v1")) {
            throw new NoSuchElementException("no such resource: /" + String.join("/", p));
        }
        String what = p.get(1);
        switch (what) {
            case "bundles" -> {
                return only(m, "GET", p, 2, () -> bundles.list());
            }
            case "status" -> {
                return only(m, "GET", p, 2, status::status);
            }
            case "servers" -> {
                if (p.size() == 2) {
                    return only(m, "GET", p, 2, servers::list);
                }
                boolean pause = action(p, "pause", "resume");
                return only(m, "POST", p, 4, () -> servers.pause(p.get(2), pause, r.actor()));
            }
            case "features" -> {
                FeatureManager f = features.get();
                if (p.size() == 2) {
                    return only(m, "GET", p, 2, f::list);
                }
                boolean enable = action(p, "enable", "disable");
                return only(m, "POST", p, 4, () -> enable ? f.enable(p.get(2), r.actor())
                        : f.disable(p.get(2), r.actor(), adminSymbolicName));
            }
            case "config" -> {
                if (p.size() != 3) {
                    throw new NoSuchElementException("use /v1/config/{pid}");
                }
                if (m.equals("GET")) {
                    return Response.ok(config.get(p.get(2), r.param("key")));
                }
                if (m.equals("PUT") || m.equals("POST")) {
                    String key = r.param("key");
                    String value = r.param("value");
                    if (key == null || value == null) {
                        throw new IllegalArgumentException("config set needs key and value");
                    }
                    return Response.ok(config.set(p.get(2), key, value, r.actor()));
                }
                return Response.error(405, m + " not allowed on /v1/config/{pid}"); // RFC 9110 §15.5.6
            }
            default -> throw new NoSuchElementException("no such resource: /" + String.join("/", p));
        }
    }

    private static boolean action(List<String> p, String yes, String no) {
        if (p.size() == 4 && p.get(3).equals(yes)) {
            return true;
        }
        if (p.size() == 4 && p.get(3).equals(no)) {
            return false;
        }
        throw new NoSuchElementException("use /" + String.join("/", p.subList(0, Math.min(3, p.size()))) + "/" + yes + " or /" + no);
    }

    @FunctionalInterface
    private interface Op {
        jakarta.json.JsonObject run() throws Exception;
    }

    private static Response only(String method, String allowed, List<String> p, int size, Op op) throws Exception {
        if (p.size() != size) {
            throw new NoSuchElementException("no such resource: /" + String.join("/", p));
        }
        if (!method.equals(allowed)) {
            return Response.error(405, method + " not allowed here; use " + allowed); // RFC 9110 §15.5.6
        }
        return Response.ok(op.run());
    }
}
