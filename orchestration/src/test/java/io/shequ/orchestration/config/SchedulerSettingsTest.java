package io.shequ.orchestration.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerSettingsTest {

    @TempDir
    Path dir;

    private ShequConfig config(String extra) throws Exception {
        Path file = dir.resolve("shequ.yml");
        Files.writeString(file, """
                home: home
                districts: ["370103"]
                pseudonymization:
                  key-env: SHEQU_TEST_KEY
                """ + extra);
        return ConfigReader.read(file);
    }

    @Test
    void byDefaultTheJobRepositoryIsTheStoreAndH2IsNotClustered() throws Exception {
        ShequConfig cfg = config("");
        SchedulerSettings s = cfg.scheduler();
        assertThat(s.storeUrl()).isEqualTo(cfg.jobRepository().url());
        assertThat(s.clustered()).as("one node on an embedded H2 file").isFalse();
        assertThat(s.checkinIntervalMillis()).isEqualTo(SchedulerSettings.DEFAULT_CHECKIN_MILLIS);
        assertThat(cfg.metrics().registry()).isEqualTo(MetricsSettings.SIMPLE);
    }

    @Test
    void aPostgresStoreIsClusteredUnlessSaidOtherwise() throws Exception {
        SchedulerSettings s = config("""
                        scheduler:
                          store-url: "jdbc:postgresql://db/shequ_ops"
                          store-user: shequ
                          checkin-interval-ms: 5000
                        """).scheduler();
        assertThat(s.onPostgres()).isTrue();
        assertThat(s.clustered()).isTrue();
        assertThat(s.storeUser()).isEqualTo("shequ");
        assertThat(s.checkinIntervalMillis()).isEqualTo(5000);
        assertThat(s.toString()).doesNotContain("password=\"");
    }

    @Test
    void badValuesNameTheirKey() throws Exception {
        assertThatThrownBy(() -> config("scheduler:\n  checkin-interval-ms: 10\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("scheduler.checkin-interval-ms");
        assertThatThrownBy(() -> config("scheduler:\n  store-user: x\n")).hasMessageContaining("scheduler.store-user");
        assertThatThrownBy(() -> config("metrics:\n  registry: prometheus\n")).hasMessageContaining("metrics.registry");
        assertThatThrownBy(() -> config("scheduler: every night\n")).hasMessageContaining("scheduler");
        assertThatThrownBy(() -> config("schedules:\n  - cron: \"0 0 2 * * ?\"\n    job: backup\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schedules[0].job");
    }
}
