package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.simulator.Mess;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city at a small scale: two districts of Jinan (历下区 and 高新区, laid out as the city's
 * sources are), one quarter of reports, a few events per community. The published indicators
 * equal the simulator's ground truth at all four levels, and the lineage of values sampled across
 * indicators and levels adds up to them; the publish audit checked the lineage of all of them.
 */
class CityPipelineIT {

    private static final int YEAR = 2023;
    private static final String CITY = "3701";
    private static final List<String> DISTRICTS = List.of("370102", "370176");

    @TempDir
    Path home;

    @Test
    void aCityOfSeveralDistrictsPublishesTheTruthAtEveryLevel() throws Exception {
        SimulationSpec template =
                new SimulationSpec(DivisionCode.parse(DISTRICTS.get(0)), YEAR, 23, 3, 6, 10, Mess.typical());
        SimulationResult sample = SourceSimulator.generateDistricts(
                DivisionCode.parse(CITY),
                DISTRICTS.stream().map(DivisionCode::parse).toList(),
                template,
                home.resolve("sources"),
                null);
        Path config = DemoCommand.writeConfig(
                home,
                "CityPipelineIT",
                DISTRICTS,
                sample.streetOfficeFolder(),
                sample.procurementFolder(),
                sample.gridJdbcUrl(),
                sample.gridUser(),
                sample.gridPassword());

        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome run = runtime.runOnce();
            assertThat(run.exitCode()).as("the city run succeeds").isZero();
            JsonNode summary = new ObjectMapper().readTree(run.summary().toFile());
            assertThat(summary.path("publish").path("audits").findValuesAsText("name"))
                    .as("the publish audited the lineage of every value")
                    .contains("lineage_adds_up:mart_indicator_lineage");
        }
        PublishedIndicators.assertMatchTruth(
                home,
                new SampleTruth(
                        home.resolve("sources"), sample.gridJdbcUrl(), sample.gridUser(), sample.gridPassword(), YEAR),
                YEAR,
                DISTRICTS);
        PublishedIndicators.assertLineageAddsUp(home, YEAR);
    }
}
