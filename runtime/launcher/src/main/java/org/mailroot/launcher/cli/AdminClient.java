package org.mailroot.launcher.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Calls the admin endpoint with the token (java.net.http); answers the JSON or throws a CliException. */
final class AdminClient {
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration ANSWER = Duration.ofSeconds(120); // a feature change stops and starts bundles
    private final AdminEndpoint endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();

    AdminClient(AdminEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    JsonObject get(String path) {
        return call("GET", path, null);
    }

    JsonObject post(String path, Map<String, String> body) {
        return call("POST", path, body);
    }

    JsonObject put(String path, Map<String, String> body) {
        return call("PUT", path, body);
    }

    private JsonObject call(String method, String path, Map<String, String> body) {
        String token = endpoint.token();
        String json = "";
        if (body != null) {
            var b = Json.createObjectBuilder();
            body.forEach(b::add);
            json = b.build().toString();
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint.url() + path)).timeout(ANSWER)
                .header("Authorization", "Bearer " + token)
                .header("X-Mailroot-User", System.getProperty("user.name", "unknown"))
                .header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException(3, "Nothing answers at " + endpoint.url() + ": Mailroot is not running (start it"
                    + " with bin/mailroot start), or its admin endpoint is off (feature admin, etc/org.mailroot.admin.cfg)");
        } catch (IOException e) {
            throw new CliException(1, "The admin endpoint " + endpoint.url() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(1, "interrupted");
        }
        JsonObject answer;
        try (var reader = Json.createReader(new StringReader(res.body()))) {
            answer = reader.readObject();
        } catch (RuntimeException e) {
            throw new CliException(1, "Unexpected answer " + res.statusCode() + " from " + endpoint.url() + ": " + res.body());
        }
        if (res.statusCode() == 401) {
            throw new CliException(1, "The admin endpoint refused the token of " + endpoint.tokenFile()
                    + " (401). Is it the token of this instance?");
        }
        if (res.statusCode() >= 300) {
            throw new CliException(1, answer.getString("error", "error " + res.statusCode()));
        }
        return answer;
    }
}
