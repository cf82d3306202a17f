package org.mailroot.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolComponentConfigTest {
    @TempDir
    Path root;

    private SpoolComponent.Config config(String retryMinutes, int expireHours, int minFreeDiskMb, int threads) {
        return new SpoolComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SpoolComponent.Config.class;
            }

            @Override
            public String root() {
                return root.toString();
            }

            @Override
            public String retryMinutes() {
                return retryMinutes;
            }

            @Override
            public int expireHours() {
                return expireHours;
            }

            @Override
            public int minFreeDiskMb() {
                return minFreeDiskMb;
            }

            @Override
            public int deliveryThreads() {
                return threads;
            }
        };
    }

    @Test
    void invalidValuesKeepThePreviousOnesWithoutThrowing() {
        SpoolComponent component = new SpoolComponent();
        SpoolSettings first = component.settings(config("10,20", 5, 7, 3));
        assertEquals(List.of(Duration.ofMinutes(10), Duration.ofMinutes(20)), first.retry().intervals());

        SpoolSettings next = component.settings(config("10,-5", 0, -1, 0));
        assertEquals(first.retry(), next.retry());
        assertEquals(7, next.minFreeDiskMb());
        assertEquals(3, next.deliveryThreads());

        assertEquals(first.retry(), component.settings(config("ten", 5, 7, 257)).retry());
    }

    @Test
    void invalidValuesAtActivationKeepTheDefaults() {
        SpoolSettings s = new SpoolComponent().settings(config("", 48, 64, 8));
        assertEquals(List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(60),
                Duration.ofMinutes(240)), s.retry().intervals());
    }
}
