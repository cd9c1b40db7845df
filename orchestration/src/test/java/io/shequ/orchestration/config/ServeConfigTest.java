package io.shequ.orchestration.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.warehouse.serve.ServeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeConfigTest {

    @TempDir
    Path folder;

    @Test
    void theServeBlockSetsListeningTlsAndLimitsWithPathsFromTheConfigsFolder() throws Exception {
        Path config = Files.writeString(folder.resolve("shequ.yml"), """
                home: home
                serve:
                  port: 4443
                  tls-cert: tls/server.crt
                  tls-key: tls/server.key
                  query-timeout-seconds: 60
                  max-concurrent-queries: 3
                  max-result-rows: 5000
                  memory-limit-mib: 1024
                """);
        ServeSettings settings = ServeConfig.read(config, folder.resolve("home"));
        assertThat(settings.port()).as("port").isEqualTo(4443);
        assertThat(settings.tlsCert())
                .as("relative to the config's folder")
                .isEqualTo(folder.resolve("tls/server.crt"));
        assertThat(settings.queryTimeout()).as("timeout").isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.maxConcurrentQueries()).isEqualTo(3);
        assertThat(settings.maxResultRows()).isEqualTo(5000);
        assertThat(settings.memoryBytes()).isEqualTo(1024L << 20);
        assertThat(settings.insecurePlaintext())
                .as("plaintext is never configured in the file")
                .isFalse();
    }

    @Test
    void aBadValueOrHalfATlsPairIsRefusedNamingItsKey() throws Exception {
        Path port = Files.writeString(folder.resolve("port.yml"), "home: home\nserve:\n  port: 70000\n");
        assertThatThrownBy(() -> ServeConfig.read(port, folder))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serve.port");
        Path half = Files.writeString(folder.resolve("half.yml"), "home: home\nserve:\n  tls-cert: a.crt\n");
        assertThatThrownBy(() -> ServeConfig.read(half, folder))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serve.tls-key");
    }

    @Test
    void withoutAServeBlockTheDefaultsHold() {
        ServeSettings settings = ServeConfig.read(null, folder);
        assertThat(settings.port()).isEqualTo(ServeSettings.DEFAULT_PORT);
        assertThat(settings.tlsCert())
                .as("no TLS configured: the server will refuse to start without --insecure-plaintext")
                .isNull();
    }
}
