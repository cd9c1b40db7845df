package io.shequ.orchestration.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import io.micrometer.core.instrument.logging.LoggingRegistryConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shequ.orchestration.config.MetricsSettings;
import java.time.Duration;

/**
 * The registry {@code metrics.registry} chooses, joined to Micrometer's global registry so that
 * anything else in the process that exports {@link Metrics#globalRegistry} sees Shequ's meters.
 */
public final class MeterRegistries {

    private MeterRegistries() {}

    /** A registry per the settings, already added to the global one; null for {@code none}. */
    public static MeterRegistry open(MetricsSettings settings) {
        MeterRegistry registry = switch (settings.registry()) {
            case MetricsSettings.NONE -> null;
            case MetricsSettings.LOGGING ->
                new LoggingMeterRegistry(
                        new LoggingRegistryConfig() {
                            @Override
                            public String get(String key) {
                                return null;
                            }

                            @Override
                            public Duration step() {
                                return settings.step();
                            }
                        },
                        Clock.SYSTEM);
            default -> new SimpleMeterRegistry();
        };
        if (registry != null) {
            Metrics.addRegistry(registry);
        }
        return registry;
    }

    /** Leaves the global registry and stops publishing. */
    public static void close(MeterRegistry registry) {
        if (registry != null) {
            Metrics.removeRegistry(registry);
            registry.close();
        }
    }
}
