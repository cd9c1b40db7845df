package io.shequ.orchestration.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.orchestration.runtime.RunHistory;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cron trigger in Quartz's JDBC store fires a real pipeline run. */
class PipelineSchedulerIT {

    @TempDir
    Path home;

    private static int firesEnded(Connection c) throws Exception {
        try (ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM shequ_scheduled_fire WHERE job = 'pipeline' AND exit_code = 0")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** {@code shequ runs} and the metrics registry agree with the landing manifest and the step executions. */
    private void runsAndMetricsTell(PipelineRuntime runtime) throws Exception {
        try (Connection c = runtime.dataSource().getConnection()) {
            // the run that published still records its indicators, then the fire log
            long deadline = System.currentTimeMillis() + 120_000;
            while (firesEnded(c) == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
            }
            assertThat(firesEnded(c)).as("the fire log has the scheduled run").isPositive();
            List<RunHistory.PastRun> runs = new RunHistory(home).newest(c, 5);
            RunHistory.PastRun run = runs.stream()
                    .filter(r -> r.status().equals("COMPLETED"))
                    .findFirst()
                    .orElseThrow();
            assertThat(run.job()).isEqualTo("shequPipeline");
            assertThat(run.exitCode())
                    .as("the demo sample tolerates its unreadable files")
                    .isZero();
            try (PreparedStatement q =
                    c.prepareStatement("SELECT SUM(rows_read) FROM shequ_landing_manifest WHERE run_id = ?")) {
                q.setString(1, run.runId());
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertThat(run.rows())
                            .as("rows read, as the landing manifest counts them")
                            .isEqualTo(rs.getLong(1))
                            .isPositive();
                }
            }
            assertThat(run.duration()).isPositive();
        }
        MeterRegistry meters = runtime.meterRegistry();
        assertThat(meters.get("shequ.step.duration")
                        .tag("step", "publish")
                        .timer()
                        .count())
                .isPositive();
        assertThat(meters.get("shequ.step.rows")
                        .tags("step", "stage", "kind", "quarantined")
                        .counter()
                        .count())
                .as("the demo sample's messy rows are quarantined")
                .isPositive();
        assertThat(meters.get("shequ.source.rows")
                        .tags("source", "street_office_reports", "kind", "read")
                        .counter()
                        .count())
                .isPositive();
    }

    @Test
    void cronTriggerFiresAPipelineRun() throws Exception {
        SimulationResult sample = SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse("370103"), 2023, 3)
                        .withMonths(1)
                        .withEventsPerCommunity(2)
                        .withContracts(4),
                home.resolve("sources"));
        Path config = DemoCommand.writeConfig(home, "370103", sample);
        ShequConfig read = ConfigReader.read(config);
        ShequConfig everySecond = read.withSchedules(List.of(new ShequConfig.Schedule("every-second", "* * * * * ?")));
        try (PipelineRuntime runtime = new PipelineRuntime(everySecond);
                PipelineScheduler scheduler = new PipelineScheduler(runtime)) {
            try (Connection c = runtime.dataSource().getConnection();
                    ResultSet rs = c.createStatement()
                            .executeQuery(
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
            runsAndMetricsTell(runtime);
        }
        try (Stream<Path> runs = Files.list(home.resolve("runs"))) {
            assertThat(runs.anyMatch(r -> Files.exists(r.resolve("summary.json"))))
                    .as("the scheduled run wrote its summary")
                    .isTrue();
        }
    }
}
