package org.mailroot.auth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailroot.auth.AuthConfig;
import org.mailroot.auth.FakeSession;

/** Configuration of the throttle: valid values apply, an out-of-range one keeps the old value. */
class FailureThrottleConfigTest {
    /** An AuthConfig with the annotation's defaults except {@code values}, as Configuration Admin gives it. */
    static AuthConfig config(Map<String, Object> values) {
        return (AuthConfig) Proxy.newProxyInstance(AuthConfig.class.getClassLoader(), new Class<?>[] {AuthConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }

    @Test
    void outOfRangeValueKeepsThePreviousOne() {
        FailureThrottle t = new FailureThrottle();
        t.configure(config(Map.of("failureDelayMillis", 250, "maxFailures", 2)));
        FakeSession s = new FakeSession("submission", null);
        assertEquals(Duration.ofMillis(250), t.failed(s, "x").delay());
        t.configure(config(Map.of("failureDelayMillis", -1, "maxFailures", 2)));
        assertTrue(t.failed(s, "x").disconnect(), "maxFailures=2 applies");
        assertEquals(Duration.ofMillis(250).multipliedBy(4), t.failed(s, "x").delay(),
                "-1 refused: the delay stays 250 ms (doubled per failure)");
        assertTrue(t.admit(s).disconnect(), "locked out");
        t.succeeded(s, "x"); // a login with another account from the same address...
        assertTrue(t.admit(s).disconnect(), "...does not lift the lockout (no unlimited guessing)");
    }
}
