package io.shequ.orchestration.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schedule's {@code sources}: configuration or ledger names, read as ledger names; a bad one names the schedule and key. */
class ScheduleSourcesTest {

    @TempDir
    Path dir;

    private Path write(String schedules) throws Exception {
        Files.createDirectories(dir.resolve("reports"));
        Files.createDirectories(dir.resolve("ledgers"));
        return Files.writeString(dir.resolve("shequ.yml"), """
                home: h
                districts: ["370103"]
                pseudonymization: {key-file: k.key}
                sources:
                  street-offices: reports
                  procurement: ledgers
                schedules:
                """ + schedules);
    }

    @Test
    void readsTheSourcesOfEachScheduleAsLedgerNames() throws Exception {
        ShequConfig config = ConfigReader.read(write("""
                  - {name: nightly, cron: "0 0 2 * * ?"}
                  - {name: reports, cron: "0 0 * * * ?", sources: [street-offices, procurement_ledgers, street-offices]}
                  - {name: purge, cron: "0 30 3 ? * SUN", job: quarantine-purge}
                """));
        assertThat(config.schedules())
                .extracting(ShequConfig.Schedule::sources)
                .as("empty: every configured source")
                .containsExactly(List.of(), List.of("street_office_reports", "procurement_ledgers"), List.of());
        assertThat(config.schedules().get(1).job()).isEqualTo(ShequConfig.Schedule.PIPELINE);
    }

    @Test
    void anUnknownSourceNamesTheScheduleAndTheKey() throws Exception {
        Path config = write("""
                  - {name: nightly, cron: "0 0 2 * * ?"}
                  - {name: offices, cron: "0 0 * * * ?", sources: [street-office]}
                """);
        assertThatThrownBy(() -> ConfigReader.read(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schedules[1].sources")
                .hasMessageContaining("'offices'")
                .hasMessageContaining("'street-office'")
                .hasMessageContaining("street-offices");
    }

    @Test
    void aSourceTheConfigurationDoesNotReadIsRefused() throws Exception {
        Path config = write("""
                  - {name: grid, cron: "0 */5 * * * ?", sources: [grid-system]}
                """);
        assertThatThrownBy(() -> ConfigReader.read(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schedules[0].sources")
                .hasMessageContaining("'grid'")
                .hasMessageContaining("sources.grid-system is not set");
    }

    @Test
    void onlyThePipelineTakesSources() throws Exception {
        Path config = write("""
                  - {name: purge, cron: "0 30 3 ? * SUN", job: quarantine-purge, sources: [procurement]}
                """);
        assertThatThrownBy(() -> ConfigReader.read(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schedules[0].sources")
                .hasMessageContaining("'purge'");
        Path empty = write("""
                  - {name: none, cron: "0 30 3 ? * SUN", sources: []}
                """);
        assertThatThrownBy(() -> ConfigReader.read(empty))
                .hasMessageContaining("schedules[0].sources")
                .hasMessageContaining("non-empty");
    }
}
