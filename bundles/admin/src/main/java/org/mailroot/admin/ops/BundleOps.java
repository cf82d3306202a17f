package org.mailroot.admin.ops;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.mailroot.admin.http.Json;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** bundle list: id, symbolic name, version, state. */
public final class BundleOps {
    private final BundleContext context;

    public BundleOps(BundleContext context) {
        this.context = context;
    }

    public JsonObject list() {
        JsonArrayBuilder out = Json.array();
        for (Bundle b : context.getBundles()) {
            out.add(Json.object().add("id", b.getBundleId()).add("symbolicName", String.valueOf(b.getSymbolicName()))
                    .add("version", b.getVersion().toString()).add("state", state(b.getState())));
        }
        return Json.object().add("bundles", out).build();
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
