package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.simulator.SimulationResult;
import io.shequ.warehouse.WarehousePublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule files' severity paths on a real run, with rules changed in the configured rule folder
 * between runs (no rebuild): error-level row rules take rows out into quarantine with every rule
 * they failed, warn-level ones only record rows and the run publishes, the row accounting still adds
 * up; then an error-level rule about a whole lake table blocks publishing (exit 3) and the previous
 * warehouse stays current.
 */
class DataQualityRulesIT {

    private static final String DISTRICT = "370103";
    private static final String ON_LINE_3_HOUSEHOLDS = "ColumnValues \"households\" < 0 where \"source_line = 3\"";
    private static final String ON_LINE_3_RESIDENTS =
            "ColumnValues \"resident_population\" < 0 where \"source_line = 3\"";
    private static final String ON_LINE_4_WARN = "ColumnValues \"households\" < 0 where \"source_line = 4\"";

    @TempDir
    Path home;

    @Test
    void errorRowsAreQuarantinedWarnRowsPublishAndADatasetErrorBlocks() throws Exception {
        SimulationResult sample = TinySample.cleanIn(home);
        Path config = DemoCommand.writeConfig(home, DISTRICT, sample);
        // the street-office reports alone: the rules under test guard them, and the run stays short
        String reportsOnly = Files.readAllLines(config).stream()
                .filter(l -> !l.contains("procurement:")
                        && !l.contains("grid-system:")
                        && !l.contains("url:")
                        && !l.contains("user:")
                        && !l.contains("password-file:"))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(config, reportsOnly + "reference:\n  dq-rules: rules\n");
        Path rules = home.resolve("rules");
        write(
                rules.resolve("staged/community_reports.error.dqdl"),
                "# two rules every report on line 3 fails\n" + "Rules = [\n    RowCount > 0,\n    "
                        + ON_LINE_3_HOUSEHOLDS + ",\n    " + ON_LINE_3_RESIDENTS + "\n]\n");
        write(rules.resolve("staged/community_reports.warn.dqdl"), "Rules = [ " + ON_LINE_4_WARN + " ]\n");
        WarehousePublisher publisher = new WarehousePublisher(home);

        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome first = runtime.runOnce();
            assertThat(first.exitCode())
                    .as("row failures do not block; warn-level ones publish")
                    .isZero();
            String run = first.runId();
            Path before = home.resolve("work").resolve(run).resolve("before-check/staged/community_reports");
            long staged = parquetCount(before, "true");
            long onLine3 = parquetCount(before, "source_line = 3");
            long onLine4 = parquetCount(before, "source_line = 4");
            assertThat(onLine3).as("the sample has reports on line 3").isPositive();
            assertThat(onLine4).as("and on line 4").isPositive();

            JsonNode quarantined =
                    jsonLines(home.resolve("quarantine").resolve(run).resolve("dq_staged_community_reports"));
            assertThat(quarantined).as("every line-3 report, and nothing else").hasSize((int) onLine3);
            for (JsonNode row : quarantined) {
                assertThat(row.path("line").asText()).isEqualTo("3");
                assertThat(row.path("rule").asText())
                        .as("both rules named")
                        .isEqualTo(ON_LINE_3_HOUSEHOLDS + "; " + ON_LINE_3_RESIDENTS);
                assertThat(row.path("reason").asText())
                        .contains("households = ")
                        .contains("resident_population = ");
                assertThat(row.path("run_id").asText()).isEqualTo(run);
            }
            JsonNode warned = jsonLines(home.resolve("dq-warned").resolve(run).resolve("dq_staged_community_reports"));
            assertThat(warned).as("line-4 reports recorded").hasSize((int) onLine4);

            JsonNode summary = new ObjectMapper().readTree(first.summary().toFile());
            long read = 0;
            long stagedRows = 0;
            long rejected = 0;
            for (JsonNode source : summary.path("sources")) {
                assertThat(source.path("rowsRead").asLong())
                        .as("read = staged + quarantined for %s", source)
                        .isEqualTo(source.path("rowsStaged").asLong()
                                + source.path("rowsQuarantined").asLong());
                if (source.path("source").asText().equals("street_office_reports")) {
                    read += source.path("rowsRead").asLong();
                    stagedRows += source.path("rowsStaged").asLong();
                    rejected += source.path("rowsQuarantined").asLong();
                }
            }
            assertThat(read)
                    .as("no stage rejects in a clean sample: all read rows reached the check")
                    .isEqualTo(staged);
            assertThat(rejected)
                    .as("the check's quarantine moved into the accounting")
                    .isEqualTo(onLine3);
            assertThat(stagedRows).isEqualTo(staged - onLine3);
            assertThat(manifestTotals(runtime, run))
                    .as("the manifest agrees with the summary")
                    .isEqualTo(new long[] {read, stagedRows, rejected});
            assertThat(warehouseCount(publisher.current().orElseThrow(), "fct_community_reports"))
                    .as("warned rows stay in the facts, quarantined ones do not")
                    .isEqualTo(staged - onLine3);
            Map<String, Long> failedRows = dqOutcomes(runtime, run);
            assertThat(failedRows)
                    .containsEntry("staged|community_reports|" + ON_LINE_3_HOUSEHOLDS, onLine3)
                    .containsEntry("staged|community_reports|" + ON_LINE_4_WARN, onLine4)
                    .containsKey("lake|fct_community_reports|IsPrimaryKey \"community_code\" \"period\"");
            Path previous = publisher.current().orElseThrow();

            write(rules.resolve("lake/fct_community_reports.error.dqdl"), "Rules = [ RowCount > 1000000 ]\n");
            PipelineRuntime.Outcome second = runtime.runOnce();
            assertThat(second.exitCode())
                    .as("a lake table's error rule blocked publishing")
                    .isEqualTo(3);
            JsonNode blocked = new ObjectMapper().readTree(second.summary().toFile());
            boolean recorded = false;
            for (JsonNode outcome : blocked.path("data_quality")) {
                if (outcome.path("stage").asText().equals("lake")
                        && outcome.path("rule").asText().equals("RowCount > 1000000")) {
                    recorded = outcome.path("outcome").asText().equals("Failed")
                            && outcome.path("level").asText().equals("error");
                }
            }
            assertThat(recorded)
                    .as("the blocking outcome is in the run's data_quality")
                    .isTrue();
            assertThat(publisher.current())
                    .as("the previous snapshot stays current")
                    .contains(previous);
            assertThat(publisher.newSnapshotPath(second.runId())).doesNotExist();
            assertThat(home.resolve("runs").resolve(second.runId()).resolve("lake-snapshot.json"))
                    .as("nothing was committed to the lake")
                    .doesNotExist();
        }
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static long parquetCount(Path folder, String where) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM read_parquet('" + folder + "/*.parquet') WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long warehouseCount(Path snapshot, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + snapshot + ";duckdb.read_only=true");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode jsonLines(Path folder) throws Exception {
        ObjectMapper json = new ObjectMapper();
        var rows = json.createArrayNode();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        rows.add(json.readTree(line));
                    }
                }
            }
        }
        return rows;
    }

    private static long[] manifestTotals(PipelineRuntime runtime, String run) throws Exception {
        try (Connection c = runtime.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT sum(rows_read), sum(rows_staged), sum(rows_quarantined) FROM shequ_landing_manifest
                        WHERE run_id = ? AND source = 'street_office_reports'""")) {
            s.setString(1, run);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }

    /** stage|dataset|rule → failed rows (-1 for a dataset-level rule). */
    private static Map<String, Long> dqOutcomes(PipelineRuntime runtime, String run) throws Exception {
        Map<String, Long> outcomes = new HashMap<>();
        try (Connection c = runtime.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT stage, dataset, rule, failed_rows FROM shequ_dq_outcome WHERE run_id = ?")) {
            s.setString(1, run);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long failed = rs.getLong(4);
                    outcomes.put(
                            rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                            rs.wasNull() ? -1 : failed);
                }
            }
        }
        return outcomes;
    }
}
