package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.orchestration.simulator.SimulationResult;
import io.shequ.orchestration.simulator.SimulationSpec;
import io.shequ.orchestration.simulator.SourceSimulator;
import io.shequ.schemas.division.DivisionCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two pipeline runs on the demo sample, then the lake's guarantees on the home they leave: facts
 * reconcile with the staged rows, both runs committed identical lake tables, and no ID number or
 * mobile number is in any file under lake/ or warehouse/.
 */
class LakeGuaranteesIT {

    @TempDir
    Path home;

    @Test
    void factsReconcileRerunsLeaveTheSameLakeAndNoPersonalIdentifierIsStored() throws Exception {
        SimulationResult sample = SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse("370103"), 2023, 7), home.resolve("sources"));
        Path config = DemoCommand.writeConfig(home, "370103", sample);
        String firstRun;
        String secondRun;
        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome first = runtime.runOnce();
            assertThat(first.exitCode()).as("the first run succeeds").isZero();
            PipelineRuntime.Outcome second = runtime.runOnce();
            assertThat(second.exitCode()).as("the second run succeeds").isZero();
            firstRun = first.runId();
            secondRun = second.runId();
            JsonNode summary = new ObjectMapper().readTree(second.summary().toFile());
            assertThat(summary.path("quarantine_purge").path("keepDays").asInt())
                    .as("the purge of old quarantine is counted in the run summary").isEqualTo(30);
            assertThat(summary.path("quarantine_purge").path("runs").asInt()).as("the first run's quarantine is fresh").isZero();
        }
        LakeGuarantees.assertFactsReconcile(home, firstRun);
        LakeGuarantees.assertFactsReconcile(home, secondRun);
        LakeGuarantees.assertSameLakeContents(home, firstRun, secondRun);
        LakeGuarantees.assertNoPersonalData(home);
    }
}
