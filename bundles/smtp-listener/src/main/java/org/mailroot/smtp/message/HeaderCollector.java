package org.mailroot.smtp.message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.mailroot.api.hook.AddedHeaders;

/**
 * Headers added by message filters. Names must be RFC 5322 §3.6.8 field names (printable ASCII
 * but colon); neither part may hold CR or LF, so a filter cannot inject lines or a body.
 */
final class HeaderCollector implements AddedHeaders {
    private final StringBuilder lines = new StringBuilder();

    @Override
    public synchronized void add(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || !name.chars().allMatch(c -> c >= 33 && c <= 126 && c != ':')) {
            throw new IllegalArgumentException("not a header field name: " + name);
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("CR or LF in header value of " + name);
        }
        lines.append(name).append(": ").append(value).append("\r\n");
    }

    synchronized byte[] bytes() {
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }
}
