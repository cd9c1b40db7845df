package io.shequ.orchestration.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.jobs.partition.RunScope;
import io.shequ.jobs.source.Source;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.config.ShequConfig;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.TriggerKey;

/**
 * A pipeline-wide and a per-source schedule on one home: the per-source fire, due while the
 * pipeline-wide run is still going, is held back until it ends (never two runs at once), then
 * reads only the street offices, leaves the other sources' lake tables at their snapshots and
 * republishes the warehouse from the whole lake.
 */
class PerSourceScheduleIT {

    private static final List<String> OTHER_SOURCES_TABLES =
            List.of("fct_grid_events", "dim_grid", "fct_service_contracts", "dim_organization");

    @TempDir
    Path home;

    /** One fire of a trigger, as the fire log holds it. */
    private record Fire(
            String trigger, Timestamp scheduledAt, Timestamp firedAt, Timestamp endedAt, String runId, int exitCode) {}

    @Test
    void aPerSourceFireWaitsForThePipelineRunThenReadsOnlyItsSource() throws Exception {
        SimulationResult sample = SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse("370103"), 2023, 3)
                        .withMonths(1)
                        .withEventsPerCommunity(2)
                        .withContracts(4),
                home.resolve("sources"));
        ShequConfig config = ConfigReader.read(DemoCommand.writeConfig(home, "370103", sample));
        try (PipelineRuntime runtime = new PipelineRuntime(config)) {
            // each trigger fires once: at a given second of this year (Quartz cron with a year field)
            ZonedDateTime at = ZonedDateTime.now(ZoneId.systemDefault()).plusSeconds(4);
            List<ShequConfig.Schedule> schedules = List.of(
                    new ShequConfig.Schedule("everything", once(at), ShequConfig.Schedule.PIPELINE),
                    new ShequConfig.Schedule(
                            "offices",
                            once(at.plusSeconds(1)),
                            ShequConfig.Schedule.PIPELINE,
                            List.of(Source.STREET_OFFICES.id())));
            try (PipelineScheduler scheduler = new PipelineScheduler(runtime, config.scheduler(), schedules)) {
                assertThat(scheduler
                                .scheduler()
                                .getTrigger(TriggerKey.triggerKey("offices", PipelineScheduler.GROUP))
                                .getJobKey())
                        .as("one Quartz job for every pipeline schedule: @DisallowConcurrentExecution is per job")
                        .isEqualTo(PipelineScheduler.jobKey(ShequConfig.Schedule.PIPELINE));
                scheduler.start();
                Map<String, Fire> fires = awaitFires(runtime, 2);
                scheduler.scheduler().standby();

                Fire everything = fires.get("everything");
                Fire offices = fires.get("offices");
                assertThat(everything.exitCode()).as("the pipeline-wide run").isZero();
                assertThat(offices.exitCode()).as("the per-source run").isZero();
                assertThat(offices.firedAt())
                        .as("the per-source fire came due during the pipeline-wide run and waited for it")
                        .isAfterOrEqualTo(everything.endedAt());
                // the configured due time, not the fire log's: a trigger that misfires on a slow machine is rescheduled
                assertThat(everything.endedAt())
                        .as("the per-source trigger came due while the pipeline-wide run ran")
                        .isAfter(Timestamp.from(at.plusSeconds(1).toInstant()));

                JsonNode before = summary(everything.runId());
                JsonNode after = summary(offices.runId());
                assertThat(after.path("scope").path("kind").asText())
                        .as("the summary names the scope")
                        .isEqualTo(RunScope.Kind.SOURCE.id());
                assertThat(texts(after.path("scope").path("whole"))).containsExactly(Source.STREET_OFFICES.id());
                assertThat(texts(after.path("sources").findValues("source")))
                        .as("only the street offices were read")
                        .containsOnly(Source.STREET_OFFICES.id())
                        .isNotEmpty();
                assertThat(after.has("grid_extract"))
                        .as("the grid system was not extracted")
                        .isFalse();
                assertThat(after.path("partitions").path("by_source").fieldNames())
                        .toIterable()
                        .containsExactly(Source.STREET_OFFICES.id());
                assertThat(ledgerSources(runtime, offices.runId()))
                        .as("the partition ledger")
                        .containsExactly(Source.STREET_OFFICES.id() + " " + RunScope.Kind.SOURCE.id());

                Map<String, Long> snapshotsBefore = lake(before, "snapshot_id");
                Map<String, Long> snapshotsAfter = lake(after, "snapshot_id");
                for (String table : OTHER_SOURCES_TABLES) {
                    assertThat(snapshotsAfter.get(table))
                            .as(table + " keeps its snapshot")
                            .isNotNull()
                            .isEqualTo(snapshotsBefore.get(table));
                }
                assertThat(snapshotsAfter.get("fct_community_reports"))
                        .as("the offices' facts, read again and unchanged, are not committed again")
                        .isEqualTo(snapshotsBefore.get("fct_community_reports"));
                assertThat(after.path("publish").path("status").asText())
                        .as("nothing in the lake moved: the current warehouse stays current")
                        .isEqualTo("unchanged");
                assertThat(lake(after, "rows").get("fct_community_reports"))
                        .as("every report read again, as a whole run")
                        .isEqualTo(lake(before, "rows").get("fct_community_reports"));
                assertThat(warehouseRows(
                                after.path("published").path("snapshot").asText()))
                        .as("the warehouse republished from the whole lake")
                        .containsEntry("fct_grid_events", lake(before, "rows").get("fct_grid_events"))
                        .containsEntry(
                                "fct_service_contracts", lake(before, "rows").get("fct_service_contracts"));
            }
        }
    }

    private static String once(ZonedDateTime at) {
        return at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " " + at.getDayOfMonth() + " "
                + at.getMonthValue() + " ? " + at.getYear();
    }

    private static Map<String, Fire> awaitFires(PipelineRuntime runtime, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 240_000;
        while (true) {
            Map<String, Fire> fires = new HashMap<>();
            try (Connection c = runtime.dataSource().getConnection();
                    ResultSet rs = c.createStatement()
                            .executeQuery(
                                    "SELECT trigger_name, scheduled_at, fired_at, ended_at, run_id, exit_code FROM shequ_scheduled_fire"
                                            + " WHERE ended_at IS NOT NULL")) {
                while (rs.next()) {
                    fires.put(
                            rs.getString(1),
                            new Fire(
                                    rs.getString(1),
                                    rs.getTimestamp(2),
                                    rs.getTimestamp(3),
                                    rs.getTimestamp(4),
                                    rs.getString(5),
                                    rs.getInt(6)));
                }
            }
            if (fires.size() >= count || System.currentTimeMillis() > deadline) {
                assertThat(fires).as("both triggers fired and their runs ended").hasSize(count);
                return fires;
            }
            Thread.sleep(500);
        }
    }

    private JsonNode summary(String runId) throws Exception {
        return new ObjectMapper()
                .readTree(home.resolve("runs")
                        .resolve(runId)
                        .resolve("summary.json")
                        .toFile());
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, Long> lake(JsonNode summary, String field) {
        Map<String, Long> out = new HashMap<>();
        summary.path("lake")
                .forEach(t -> out.put(t.path("table").asText(), t.path(field).asLong()));
        return out;
    }

    private static List<String> ledgerSources(PipelineRuntime runtime, String runId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = runtime.dataSource().getConnection();
                PreparedStatement q =
                        c.prepareStatement("SELECT DISTINCT source, run_kind FROM shequ_partition WHERE run_id = ?")) {
            q.setString(1, runId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return out;
    }

    private static Map<String, Long> warehouseRows(String current) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Map<String, Long> out = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + current, readOnly)) {
            for (String table : List.of("fct_grid_events", "fct_service_contracts")) {
                try (ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
        }
        return out;
    }
}
