package io.shequ.orchestration.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.orchestration.simulator.SimulationResult;
import io.shequ.orchestration.simulator.SimulationSpec;
import io.shequ.orchestration.simulator.SourceSimulator;
import io.shequ.schemas.division.DivisionCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cron trigger in Quartz's JDBC store fires a real pipeline run. */
class PipelineSchedulerIT {

    @TempDir
    Path home;

    @Test
    void cronTriggerFiresAPipelineRun() throws Exception {
        SimulationResult sample = SourceSimulator.generate(SimulationSpec.demo(DivisionCode.parse("370103"), 2023, 3)
                .withMonths(1).withEventsPerCommunity(2).withContracts(4), home.resolve("sources"));
        Path config = DemoCommand.writeConfig(home, "370103", sample);
        ShequConfig read = ConfigReader.read(config);
        ShequConfig everySecond = read.withSchedules(List.of(new ShequConfig.Schedule("every-second", "* * * * * ?")));
        try (PipelineRuntime runtime = new PipelineRuntime(everySecond);
             PipelineScheduler scheduler = new PipelineScheduler(runtime)) {
            try (Connection c = runtime.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'every-second'")) {
                assertThat(rs.next()).as("the trigger sits in the JDBC store").isTrue();
                assertThat(rs.getString(1)).isEqualTo("* * * * * ?");
            }
            scheduler.start();
            Path current = home.resolve("warehouse/current.duckdb");
            long deadline = System.currentTimeMillis() + 180_000;
            while (!Files.exists(current) && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
            }
            scheduler.scheduler().standby();
            assertThat(current).as("a scheduled run published a warehouse").exists();
        }
        try (Stream<Path> runs = Files.list(home.resolve("runs"))) {
            assertThat(runs.anyMatch(r -> Files.exists(r.resolve("summary.json"))))
                    .as("the scheduled run wrote its summary").isTrue();
        }
    }
}
