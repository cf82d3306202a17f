package org.mailroot.admin.ops;

import java.util.Arrays;
import java.util.Locale;
import org.osgi.service.metatype.AttributeDefinition;

/** Checks a value against its metatype attribute and names what is allowed when it does not fit. */
public final class MetatypeCheck {
    private MetatypeCheck() {
    }

    /** Null when the value fits, else what is allowed (type, options and the metatype's own reason). */
    public static String problem(AttributeDefinition ad, String value) {
        String[] values = ad.getCardinality() == 0 ? new String[] {value} : value.split("\\s*,\\s*");
        for (String v : values) {
            if (!fitsType(ad.getType(), v) || !inOptions(ad, v)) {
                return allowed(ad);
            }
        }
        String reason = ad.validate(value);
        return reason == null || reason.isEmpty() ? null : allowed(ad) + " (" + reason + ")";
    }

    /** What the attribute accepts, in words. */
    public static String allowed(AttributeDefinition ad) {
        String[] options = ad.getOptionValues();
        if (options != null && options.length > 0) {
            return "one of " + String.join(", ", options);
        }
        String type = switch (ad.getType()) {
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> "an integer";
            case AttributeDefinition.BOOLEAN -> "true or false";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "a number";
            case AttributeDefinition.CHARACTER -> "one character";
            default -> "text";
        };
        return ad.getCardinality() == 0 ? type : "a comma-separated list, each " + type;
    }

    private static boolean inOptions(AttributeDefinition ad, String v) {
        String[] options = ad.getOptionValues();
        return options == null || options.length == 0 || Arrays.asList(options).contains(v);
    }

    static boolean fitsType(int type, String v) {
        try {
            switch (type) {
                case AttributeDefinition.INTEGER -> Integer.parseInt(v.strip());
                case AttributeDefinition.LONG -> Long.parseLong(v.strip());
                case AttributeDefinition.SHORT -> Short.parseShort(v.strip());
                case AttributeDefinition.BYTE -> Byte.parseByte(v.strip());
                case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> Double.parseDouble(v.strip());
                case AttributeDefinition.BOOLEAN -> {
                    String b = v.strip().toLowerCase(Locale.ROOT);
                    return b.equals("true") || b.equals("false");
                }
                case AttributeDefinition.CHARACTER -> {
                    return v.length() == 1;
                }
                default -> { }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
