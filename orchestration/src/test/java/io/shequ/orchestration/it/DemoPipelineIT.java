package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.orchestration.simulator.SimulationResult;
import io.shequ.orchestration.simulator.SimulationSpec;
import io.shequ.orchestration.simulator.SourceSimulator;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.warehouse.IndicatorValue;
import io.shequ.warehouse.WarehouseContent;
import io.shequ.warehouse.WarehousePublisher;
import io.shequ.warehouse.WarehouseReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pipeline in-process on the real stack: every indicator the demo prints equals the
 * value computed straight from the sample files; every file's rows are accounted for; a second
 * run on the same sources leaves the warehouse content identical.
 */
class DemoPipelineIT {

    private static final int YEAR = 2023;
    private static final String DISTRICT = "370103";

    @TempDir
    Path home;

    @Test
    void demoIndicatorsMatchTheSampleAndRerunsAreIdentical() throws Exception {
        SimulationResult sample = SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse(DISTRICT), YEAR, 7), home.resolve("sources"));
        Path config = DemoCommand.writeConfig(home, DISTRICT, sample);

        Map<String, List<List<Object>>> first;
        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome run = runtime.runOnce();
            assertThat(run.exitCode()).as("the demo run succeeds").isZero();
            assertRowsAccountedFor(run.summary(), sample);
            first = WarehouseContent.dump(new WarehousePublisher(home).current().orElseThrow());

            assertIndicatorsMatch(new SampleTruth(home.resolve("sources"), sample.gridJdbcUrl(), sample.gridUser(),
                    sample.gridPassword(), YEAR));

            PipelineRuntime.Outcome rerun = runtime.runOnce();
            assertThat(rerun.exitCode()).as("a rerun on the same sources succeeds").isZero();
            assertThat(rerun.runId()).isNotEqualTo(run.runId());
        }
        Map<String, List<List<Object>>> second = WarehouseContent.dump(new WarehousePublisher(home).current().orElseThrow());
        assertThat(second.keySet()).as("same tables after a rerun").isEqualTo(first.keySet());
        for (String table : first.keySet()) {
            assertThat(second.get(table)).as("table %s identical after a rerun", table).isEqualTo(first.get(table));
        }
    }

    private static void assertRowsAccountedFor(Path summaryFile, SimulationResult sample) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        assertThat(summary.path("exit_code").asInt()).isZero();
        long reportRows = 0;
        long files = 0;
        for (JsonNode source : summary.path("sources")) {
            long read = source.path("rowsRead").asLong();
            assertThat(read).as("rows read = staged + quarantined for %s", source.path("location").asText())
                    .isEqualTo(source.path("rowsStaged").asLong() + source.path("rowsQuarantined").asLong());
            if (source.path("source").asText().equals("street_office_reports")) {
                reportRows += read;
                files++;
            }
        }
        assertThat(files).as("every report file is accounted for").isEqualTo(sample.reportFiles());
        assertThat(reportRows).as("every report row is read").isEqualTo(sample.reportRows());
        assertThat(summary.path("steps")).as("seven steps ran").hasSize(7);
    }

    private void assertIndicatorsMatch(SampleTruth truth) throws Exception {
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            List<IndicatorValue> printed = new java.util.ArrayList<>(reader.indicators("district", YEAR));
            printed.addAll(reader.indicators("street", YEAR));
            assertThat(printed.stream().map(IndicatorValue::divisionCode).distinct().count())
                    .as("the district and its 17 streets").isEqualTo(18);
            for (IndicatorValue v : printed) {
                if (!v.breakdown().isEmpty()) {
                    continue;
                }
                String prefix = v.divisionLevel().equals("district") ? DISTRICT : v.divisionCode().substring(0, 9);
                Predicate<String> within = code -> code != null && code.startsWith(prefix);
                String what = v.indicator() + " of " + v.divisionName();
                switch (v.indicator()) {
                    case "units" -> assertThat(v.value()).as(what).isEqualTo((double) SampleTruth.units(prefix));
                    case "staff_avg" -> assertThat(v.value()).as(what).isCloseTo(truth.staffAvg(within), within(1e-9));
                    case "volunteer_rate" -> assertThat(v.value()).as(what).isCloseTo(truth.volunteerRate(within), within(1e-12));
                    case "close_rate" -> assertThat(v.value()).as(what).isCloseTo(truth.closeRate(within), within(1e-12));
                    case "purchase" -> assertThat(BigDecimal.valueOf(v.value()).setScale(2, java.math.RoundingMode.HALF_UP))
                            .as(what).isEqualByComparingTo(truth.purchase(within, YEAR));
                    default -> { }
                }
            }
        }
    }
}
