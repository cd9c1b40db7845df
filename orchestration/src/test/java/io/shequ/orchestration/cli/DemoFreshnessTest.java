package io.shequ.orchestration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.partition.FreshnessWindows;
import io.shequ.jobs.source.Source;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.simulator.SimulationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's freshness windows are the simulated period, as history. */
class DemoFreshnessTest {

    @TempDir
    Path dir;

    @Test
    void theWindowsSpanTheSimulatedPeriodAndMarkItHistory() throws Exception {
        SimulationSpec spec =
                SimulationSpec.demo(DivisionCode.parse("370103"), 2023, 42).withMonths(9);
        Path config = Files.writeString(
                dir.resolve("shequ.yml"),
                "home: .\ndistricts: [\"370103\"]\npseudonymization: {key-env: SHEQU_KEY}\n" + DemoFreshness.of(spec));
        FreshnessWindows windows = ConfigReader.read(config).freshness();

        FreshnessWindows.Window reports = windows.of("street_office_reports");
        assertThat(reports.from()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(reports.to()).as("reports for months 1..9").isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(reports.historyTo()).isEqualTo(reports.to());
        assertThat(reports.due()).as("the default due stays").isEqualTo(Source.STREET_OFFICES.defaultDue());

        FreshnessWindows.Window grid = windows.of("grid_system");
        assertThat(grid.from()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(grid.to()).as("grid events span the whole year").isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(grid.historyTo()).isEqualTo(grid.to());

        FreshnessWindows.Window ledgers = windows.of("procurement_ledgers");
        assertThat(ledgers.to()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(ledgers.judgesLateness(LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(ledgers.judgesLateness(LocalDate.of(2024, 12, 31))).isTrue();
    }
}
