package org.mailroot.admin.http;

import java.util.List;
import java.util.Map;

/**
 * One admin request, decoded: the method, the path split into segments, the query and the JSON
 * body's string members (the admin API only takes flat objects of strings).
 */
public record Request(String method, List<String> path, Map<String, String> query, Map<String, String> body,
        Actor actor) {

    /** The body member, or the query parameter of that name, or null. */
    public String param(String name) {
        String v = body.get(name);
        return v != null ? v : query.get(name);
    }
}
