package org.mailroot.launcher.feature;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feature variables (OSGi Feature Service 160.2.4): {@code ${name}} in a string configuration value
 * is replaced by the variable's value. A typed value ({@code "port:Integer"}) cannot hold a
 * placeholder (Felix refuses it when reading), so variables go in untyped values, which Declarative
 * Services converts for the component. An unknown name stays as written.
 */
public final class Variables {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private Variables() {
    }

    public static Object substitute(Object value, Map<String, Object> variables) {
        return value instanceof String s ? substitute(s, variables) : value;
    }

    public static String substitute(String value, Map<String, Object> variables) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : String.valueOf(v)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
