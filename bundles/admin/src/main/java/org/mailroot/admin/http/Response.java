package org.mailroot.admin.http;

import jakarta.json.JsonValue;

/** An admin answer: an HTTP status and a JSON value, or a text body (the Prometheus exposition). */
public record Response(int status, JsonValue json, String text, String contentType) {

    public static Response ok(JsonValue json) {
        return new Response(200, json, null, "application/json");
    }

    public static Response text(String text, String contentType) {
        return new Response(200, null, text, contentType);
    }

    /** An error answer {"error": message}; the CLI prints the message as is. */
    public static Response error(int status, String message) {
        return new Response(status, Json.object().add("error", message).build(), null, "application/json");
    }
}
