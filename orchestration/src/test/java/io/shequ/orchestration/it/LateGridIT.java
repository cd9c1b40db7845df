package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.conform.ConformOutcome;
import io.shequ.jobs.lake.LakeWriter;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.simulator.GridHistory;
import io.shequ.simulator.GroundTruthCsv;
import io.shequ.simulator.Mess;
import io.shequ.simulator.MessKind;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import io.shequ.warehouse.WarehousePublisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grid that arrives late, end to end: events reported on unit grids whose rows the vendor has
 * not entered yet become facts without a community, keyed to an inferred {@code dim_grid} member;
 * when the grid rows arrive, the next run completes those members in place (community, name, level)
 * and the facts get their community, their {@code grid_key} unchanged. Checked in the Iceberg
 * tables through Spark and in the published warehouse, against the simulator's truth at each instant.
 */
class LateGridIT {

    private static final String DISTRICT = "370103";
    /** January's events are in the vendor database, most late unit grids not yet. */
    private static final LocalDateTime BEFORE_THE_GRIDS = LocalDateTime.of(2023, 2, 1, 0, 0);
    /** Every late grid row entered (at most 240 days after its first event). */
    private static final LocalDateTime AFTER_THE_GRIDS = LocalDateTime.of(2024, 1, 1, 0, 0);

    @TempDir
    Path home;

    /** One event on a late grid as a run left it: its grid key and community, and that grid member's attributes. */
    record Seen(
            long gridKey,
            String factCommunity,
            boolean inferred,
            String gridCommunity,
            String gridName,
            long versions) {}

    @Test
    void eventsOnAGridNotYetArrivedPointAtAnInferredMemberCompletedInPlaceWhenItArrives() throws Exception {
        SimulationSpec spec = SimulationSpec.demo(DivisionCode.parse(DISTRICT), 2023, 17)
                .withMonths(1)
                .withEventsPerCommunity(2)
                .withContracts(4)
                .withMess(Mess.none().with(MessKind.ORPHAN_GRID, 0.1));
        SimulationResult sample = SourceSimulator.generate(spec, home.resolve("sources"));
        GridHistory history = GridHistory.of(spec);
        history.writeAsOf(sample.gridJdbcUrl(), sample.gridUser(), sample.gridPassword(), BEFORE_THE_GRIDS);
        Path truthFolder = home.resolve("truth-before");
        history.writeGroundTruth(truthFolder, BEFORE_THE_GRIDS);
        Map<String, String> orphans = new TreeMap<>();
        for (CSVRecord event : GroundTruthCsv.read(truthFolder.resolve("ground-truth/grid-events.csv"))) {
            if (event.get("notes").contains("orphan_grid")
                    && event.get("outcome").equals("staged")) {
                orphans.put(event.get("event_id"), event.get("community_code"));
            }
        }
        assertThat(orphans)
                .as("events on grids the grid table lacks at the first extract")
                .isNotEmpty();

        Path config = gridSystemOnly(DemoCommand.writeConfig(home, DISTRICT, sample));
        Map<String, Seen> lakeBefore;
        Map<String, Seen> lakeAfter;
        Map<String, Seen> warehouseBefore;
        Map<String, Seen> warehouseAfter;
        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            assertThat(runtime.runOnce().exitCode())
                    .as("the run before the grids arrive succeeds")
                    .isZero();
            lakeBefore = lake(orphans.keySet());
            warehouseBefore = warehouse(orphans.keySet());

            history.advanceTo(sample.gridJdbcUrl(), sample.gridUser(), sample.gridPassword(), AFTER_THE_GRIDS);
            var increment = runtime.runOnce();
            assertThat(increment.exitCode())
                    .as("the run after the grids arrive succeeds")
                    .isZero();
            assertThat(gridState(increment.runId()))
                    .as("the increment is merged into the kept facts")
                    .isEqualTo("merged");
            lakeAfter = lake(orphans.keySet());
            warehouseAfter = warehouse(orphans.keySet());

            // nothing new in the vendor database: the grid facts are neither recomputed nor committed again
            LakeWriter lakeTables = new LakeWriter(SparkSession.active());
            long factsSnapshot = lakeTables.describe("fct_grid_events").snapshotId();
            long gridsSnapshot = lakeTables.describe("dim_grid").snapshotId();
            String mirrorRun =
                    Files.readString(home.resolve("state/grid-mirror/CURRENT")).strip();
            var rerun = runtime.runOnce();
            assertThat(rerun.exitCode())
                    .as("the rerun with no new data succeeds")
                    .isZero();
            assertThat(gridState(rerun.runId())).isEqualTo("unchanged");
            assertThat(lakeTables.describe("fct_grid_events").snapshotId())
                    .as("a rerun with no new grid rows does not rewrite the grid facts")
                    .isEqualTo(factsSnapshot);
            assertThat(lakeTables.describe("dim_grid").snapshotId())
                    .as("nor dim_grid")
                    .isEqualTo(gridsSnapshot);
            assertThat(Files.readString(home.resolve("state/grid-mirror/CURRENT"))
                            .strip())
                    .as("nor writes a merged grid state")
                    .isEqualTo(mirrorRun);
        }
        // the increment merged into the kept facts publishes what a cold run over the same vendor data does
        Map<String, List<String>> incremental = published(home);
        Path coldHome = home.resolve("cold");
        Path coldConfig = gridSystemOnly(DemoCommand.writeConfig(coldHome, DISTRICT, sample));
        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(coldConfig))) {
            assertThat(runtime.runOnce().exitCode()).as("the cold run succeeds").isZero();
        }
        Map<String, List<String>> cold = published(coldHome);
        for (String table : cold.keySet()) {
            assertThat(incremental.get(table))
                    .as("published %s after the increment = a cold run's", table)
                    .isEqualTo(cold.get(table))
                    .isNotEmpty();
        }

        for (var where : List.of(
                Map.entry("lake", List.of(lakeBefore, lakeAfter)),
                Map.entry("warehouse", List.of(warehouseBefore, warehouseAfter)))) {
            Map<String, Seen> before = where.getValue().get(0);
            Map<String, Seen> after = where.getValue().get(1);
            assertThat(before.keySet())
                    .as("%s: every event on a missing grid is a fact", where.getKey())
                    .isEqualTo(orphans.keySet());
            assertThat(after.keySet())
                    .as("%s: and still is after the grid arrived", where.getKey())
                    .isEqualTo(orphans.keySet());
            orphans.forEach((event, community) -> {
                assertThat(before.get(event).gridKey())
                        .as("%s: the same grid key as the lake's fact", where.getKey())
                        .isEqualTo(lakeBefore.get(event).gridKey());
                Seen first = before.get(event);
                Seen second = after.get(event);
                String what = where.getKey() + ", event " + event;
                assertThat(first.inferred())
                        .as("%s: its grid is an inferred member", what)
                        .isTrue();
                assertThat(first.gridCommunity())
                        .as("%s: an inferred member has no community", what)
                        .isNull();
                assertThat(first.gridName()).as("%s: nor a name", what).isNull();
                assertThat(first.factCommunity())
                        .as("%s: the fact has no community yet", what)
                        .isNull();

                assertThat(second.gridKey())
                        .as("%s: the fact's grid key survives the grid's arrival", what)
                        .isEqualTo(first.gridKey());
                assertThat(second.inferred())
                        .as("%s: the member is completed", what)
                        .isFalse();
                assertThat(second.gridCommunity())
                        .as("%s: with the grid's community", what)
                        .isEqualTo(community);
                assertThat(second.gridName()).as("%s: and its name", what).isNotBlank();
                assertThat(second.versions())
                        .as("%s: in place, not as a new version", what)
                        .isEqualTo(1);
                assertThat(second.factCommunity())
                        .as("%s: the fact gets its community", what)
                        .isEqualTo(community);
            });
        }
    }

    /**
     * The published grid facts (every column but the surrogate and pseudonym keys, which each home
     * draws for itself) and indicators, as sorted rows.
     */
    private static Map<String, List<String>> published(Path home) throws Exception {
        Path current = new WarehousePublisher(home).current().orElseThrow();
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + current, readOnly);
                Statement sql = duckdb.createStatement()) {
            for (String table : List.of("fct_grid_events", "mart_indicators")) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = sql.executeQuery("SELECT " + nonKeyColumns(sql, table) + " FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(rs.getMetaData().getColumnName(c))
                                    .append('=')
                                    .append(rs.getString(c))
                                    .append(';');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(String::compareTo);
                tables.put(table, rows);
            }
        }
        return tables;
    }

    /** What the run's conform did with the grid state: rebuilt, merged or unchanged. */
    private String gridState(String runId) {
        return ConformOutcome.LEDGER
                .read(new RunLedger(new HomeLayout(home), runId))
                .flatMap(ConformOutcome::gridState)
                .orElse("");
    }

    /** The table's columns but its keys, as a select list. */
    private static String nonKeyColumns(Statement sql, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                String name = rs.getMetaData().getColumnName(c);
                if (!name.endsWith("_key")) {
                    columns.add('"' + name + '"');
                }
            }
        }
        return String.join(", ", columns);
    }

    /** The demo's configuration without the file sources: the grid system is all this test is about. */
    private static Path gridSystemOnly(Path config) throws IOException {
        String yaml = Files.readString(config);
        Files.writeString(config, yaml.replaceAll("(?m)^  (street-offices|procurement): .*\n", ""));
        assertThat(Files.readString(config)).doesNotContain("street-offices", "procurement");
        return config;
    }

    /** The orphan events as the Iceberg tables hold them, read through the run's Spark session. */
    private static Map<String, Seen> lake(Set<String> events) {
        SparkSession spark = SparkSession.active();
        Map<String, Seen> seen = new HashMap<>();
        for (Row row : spark.sql("SELECT f.event_id, f.grid_key, f.community_code, g.is_inferred, g.community_code,"
                        + " g.grid_name, (SELECT count(*) FROM shequ.lake.dim_grid v WHERE v.grid_code = g.grid_code)"
                        + " FROM shequ.lake.fct_grid_events f JOIN shequ.lake.dim_grid g ON g.grid_key = f.grid_key")
                .collectAsList()) {
            if (events.contains(row.getString(0))) {
                seen.put(
                        row.getString(0),
                        new Seen(
                                row.getLong(1),
                                row.getString(2),
                                row.getBoolean(3),
                                row.getString(4),
                                row.getString(5),
                                row.getLong(6)));
            }
        }
        return seen;
    }

    /**
     * The orphan events as the published warehouse holds them. Its facts name the grid by code, as all
     * its facts name their dimensions by natural key; the member is the dim_grid version in force when
     * the event was reported, and its key must be the one the lake's fact carries.
     */
    private Map<String, Seen> warehouse(Set<String> events) throws Exception {
        Path current = new WarehousePublisher(home).current().orElseThrow();
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Map<String, Seen> seen = new HashMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + current, readOnly);
                Statement sql = duckdb.createStatement();
                ResultSet rows = sql.executeQuery("SELECT f.event_id, g.grid_key, f.community_code, g.is_inferred,"
                        + " g.community_code, g.grid_name, (SELECT count(*) FROM dim_grid v WHERE v.grid_code = g.grid_code)"
                        + " FROM fct_grid_events f JOIN dim_grid g ON g.grid_code = f.grid_code"
                        + " AND coalesce(g.valid_from, f.reported_at) <= f.reported_at"
                        + " AND f.reported_at < coalesce(g.valid_to, TIMESTAMP '9999-12-31')")) {
            while (rows.next()) {
                if (events.contains(rows.getString(1))) {
                    seen.put(
                            rows.getString(1),
                            new Seen(
                                    rows.getLong(2),
                                    rows.getString(3),
                                    rows.getBoolean(4),
                                    rows.getString(5),
                                    rows.getString(6),
                                    rows.getLong(7)));
                }
            }
        }
        return seen;
    }
}
