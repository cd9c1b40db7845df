package io.shequ.orchestration.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequ.warehouse.serve.ServeSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code serve} block of shequ.yml: how {@code ./shequ serve} listens and what it allows.
 * Relative paths are resolved against the configuration's folder. Plaintext is never configured
 * here: only {@code --insecure-plaintext} on the command line turns TLS off.
 */
public final class ServeConfig {

    private ServeConfig() {}

    /** The settings of {@code file}'s {@code serve} block (null file: the defaults) for {@code home}. */
    public static ServeSettings read(Path file, Path home) {
        ServeSettings d = ServeSettings.defaults(home);
        JsonNode node = YamlBlock.read(file, "serve");
        Path base = file == null ? home : file.toAbsolutePath().getParent();
        Path cert = path(node, "tls-cert", base);
        Path key = path(node, "tls-key", base);
        if ((cert == null) != (key == null)) {
            throw new ConfigException(
                    cert == null ? "serve.tls-cert" : "serve.tls-key", "both serve.tls-cert and serve.tls-key (PEM)");
        }
        Path users = path(node, "users-file", base);
        return new ServeSettings(
                node.path("host").asText(d.host()),
                (int) number(node, "port", d.port(), 0, 65535),
                cert,
                key,
                false,
                users == null ? d.usersFile() : users,
                Duration.ofSeconds(
                        number(node, "query-timeout-seconds", d.queryTimeout().toSeconds(), 1, Integer.MAX_VALUE)),
                (int) number(node, "max-concurrent-queries", d.maxConcurrentQueries(), 1, 1024),
                number(node, "max-result-rows", d.maxResultRows(), 1, Long.MAX_VALUE),
                (int) number(node, "threads", d.threads(), 0, 1024),
                number(node, "memory-limit-mib", d.memoryBytes() >> 20, 0, Long.MAX_VALUE >> 20) << 20);
    }

    private static Path path(JsonNode node, String field, Path base) {
        return node.hasNonNull(field)
                ? base.resolve(node.get(field).asText()).toAbsolutePath().normalize()
                : null;
    }

    private static long number(JsonNode node, String field, long fallback, long min, long max) {
        if (!node.hasNonNull(field)) {
            return fallback;
        }
        JsonNode n = node.get(field);
        if (!n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
            throw new ConfigException(
                    "serve." + field, "a whole number from " + min + " to " + max + ", got '" + n.asText() + "'");
        }
        return n.asLong();
    }
}
