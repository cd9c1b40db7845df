package io.shequ.orchestration.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * Which Micrometer registry holds the run metrics. {@code simple} keeps them in the process and
 * logs them at the end of each run; {@code logging} also publishes every meter to the log each
 * {@code step-seconds} (Micrometer's logging registry, for a long-lived scheduler); {@code none}
 * records nothing.
 */
public record MetricsSettings(String registry, Duration step) {

    public static final String SIMPLE = "simple";
    public static final String LOGGING = "logging";
    public static final String NONE = "none";
    public static final List<String> REGISTRIES = List.of(SIMPLE, LOGGING, NONE);

    public static MetricsSettings defaults() {
        return new MetricsSettings(SIMPLE, Duration.ofMinutes(1));
    }

    /** The {@code metrics} section. */
    static MetricsSettings of(JsonNode node) {
        String registry = node.path("registry").asText(SIMPLE);
        if (!REGISTRIES.contains(registry)) {
            throw new ConfigException("metrics.registry", "one of " + REGISTRIES + ", got '" + registry + "'");
        }
        Duration step = defaults().step();
        if (node.hasNonNull("step-seconds")) {
            JsonNode n = node.get("step-seconds");
            if (!n.canConvertToInt() || n.asInt() < 1) {
                throw new ConfigException(
                        "metrics.step-seconds", "a positive whole number of seconds, got '" + n.asText() + "'");
            }
            step = Duration.ofSeconds(n.asInt());
        }
        return new MetricsSettings(registry, step);
    }
}
