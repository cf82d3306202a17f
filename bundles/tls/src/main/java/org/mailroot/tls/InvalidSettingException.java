package org.mailroot.tls;

/** A configuration value outside its allowed range: names the key, the value and what is allowed. */
final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String value;
    private final String allowed;

    InvalidSettingException(String key, Object value, String allowed) {
        super(key + "=" + value + "; allowed: " + allowed);
        this.key = key;
        this.value = String.valueOf(value);
        this.allowed = allowed;
    }

    String key() {
        return key;
    }

    String value() {
        return value;
    }

    String allowed() {
        return allowed;
    }
}
