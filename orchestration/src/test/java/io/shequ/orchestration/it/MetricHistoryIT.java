package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.cli.ShequMain;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.simulator.SimulationResult;
import io.shequ.warehouse.WarehousePublisher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metric history and anomaly rules on the real stack: each run's Deequ metrics land in
 * {@code shequ_dq_metric} and equal what DuckDB counts in the staged Parquet; a run whose street
 * offices suddenly deliver half their report files fails the shipped error-level anomaly rule,
 * exits 3 and leaves the previous warehouse current; the blocked run does not become history, so
 * the next half delivery is caught again; {@code shequ dq} and {@code dq.html} show it all.
 */
class MetricHistoryIT {

    private static final String DISTRICT = "370103";

    @TempDir
    Path home;

    @Test
    void halfTheUsualReportFilesBlocksPublishingAndTheHistoryShowsWhy() throws Exception {
        SimulationResult sample = TinySample.cleanIn(home);
        Path config = DemoCommand.writeConfig(home, DISTRICT, sample);
        WarehousePublisher publisher = new WarehousePublisher(home);

        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome first = runtime.runOnce();
            assertThat(first.exitCode()).as("the first run publishes").isZero();
            Path published = publisher.current().orElseThrow();
            long usualRows = assertMetricsEqualDuckDbCounts(runtime.dataSource(), first.runId());
            JsonNode firstRule = anomaly(summary(first), "community_reports", "report_rows_drop");
            assertThat(firstRule.path("outcome").asText()).isEqualTo("Passed");
            assertThat(firstRule.path("reason").asText())
                    .as("nothing to compare with yet")
                    .startsWith("no history yet");
            // the lake table as committed and published, measured under its own dataset name
            assertThat(lakeMetric(runtime.dataSource(), first.runId(), "row_count", "*"))
                    .isEqualTo(published(published, "count(*)"));
            assertThat(lakeMetric(runtime.dataSource(), first.runId(), "distinct", "community_code"))
                    .isEqualTo(published(published, "count(DISTINCT community_code)"));
            assertThat(anomaly(summary(first), "lake/fct_community_reports", "communities_with_facts_drop")
                            .path("reason")
                            .asText())
                    .as("the shipped lake rule judged it")
                    .startsWith("no history yet");

            int removed = removeEverySecondReportFile(sample.streetOfficeFolder());
            assertThat(removed).as("the sample has report files to lose").isGreaterThan(3);

            PipelineRuntime.Outcome second = runtime.runOnce();
            assertThat(second.exitCode()).as("an anomaly blocked publishing").isEqualTo(3);
            assertThat(publisher.current())
                    .as("the previous warehouse stays current")
                    .contains(published);
            assertThat(publisher.newSnapshotPath(second.runId())).doesNotExist();
            long halfRows = stagedCount(second.runId(), "community_reports", "count(*)");
            assertThat((double) halfRows / usualRows)
                    .as("the source delivered about half its rows")
                    .isLessThan(0.7);
            JsonNode drop = anomaly(summary(second), "community_reports", "report_rows_drop");
            assertThat(drop.path("outcome").asText()).isEqualTo("Failed");
            assertThat(drop.path("level").asText()).isEqualTo("error");
            assertThat(drop.path("value").asDouble()).isEqualTo(halfRows);
            assertThat(drop.path("baseline").asDouble()).isEqualTo(usualRows);
            assertThat(history(drop))
                    .as("compared with the first run")
                    .containsExactly(Map.entry(first.runId(), (double) usualRows));
            assertThat(summary(second).path("error").asText()).contains("report_rows_drop");
            assertThat(accepted(runtime.dataSource()))
                    .as("a blocked run's metrics are recorded, not accepted")
                    .containsEntry(first.runId(), true)
                    .containsEntry(second.runId(), false);

            PipelineRuntime.Outcome third = runtime.runOnce();
            assertThat(third.exitCode()).as("still half: caught again").isEqualTo(3);
            assertThat(history(anomaly(summary(third), "community_reports", "report_rows_drop")))
                    .as("the blocked run is no history to compare with")
                    .containsOnlyKeys(first.runId());
            assertThat(publisher.current()).contains(published);

            String out = dq("--home", home.toString(), "--run", second.runId());
            assertThat(out)
                    .contains(
                            "data quality of run " + second.runId(),
                            "exit code 3",
                            "publishing blocked",
                            "report_rows_drop",
                            "compared with: run " + first.runId() + " = " + usualRows,
                            "community_reports  row_count",
                            "IsComplete \"community_name\"");
            assertThat(out.lines()
                            .filter(l -> l.contains("report_rows_drop"))
                            .findFirst()
                            .orElseThrow())
                    .startsWith("  FAILED error community_reports");
            assertThat(dq("--home", home.toString()))
                    .as("the last run by default")
                    .contains("data quality of run " + third.runId());

            String html = Files.readString(
                    home.resolve("runs").resolve(second.runId()).resolve("dq.html"));
            assertThat(html)
                    .contains(
                            "<h2>Anomaly rules",
                            "report_rows_drop",
                            "FAILED",
                            first.runId() + " = " + usualRows,
                            "exit code 3",
                            "IsComplete &quot;community_name&quot;",
                            "<td>row_count</td>");
        }
    }

    /** Asserts the first run's recorded metrics against DuckDB's own counts of the staged Parquet; returns the report rows. */
    private long assertMetricsEqualDuckDbCounts(DataSource dataSource, String runId) throws Exception {
        Map<String, Double> metrics = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                var statement = c.prepareStatement(
                        "SELECT dataset, metric, column_name, metric_value FROM shequ_dq_metric WHERE run_id = ?")) {
            statement.setString(1, runId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    metrics.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3), rs.getDouble(4));
                }
            }
        }
        long reports = stagedCount(runId, "community_reports", "count(*)");
        assertThat(reports).isPositive();
        assertThat(metrics.get("community_reports row_count *")).isEqualTo(reports);
        assertThat(metrics.get("community_reports distinct source_file"))
                .isEqualTo(stagedCount(runId, "community_reports", "count(DISTINCT source_file)"));
        assertThat(metrics.get("community_reports completeness resident_population"))
                .isCloseTo(
                        (double) stagedCount(runId, "community_reports", "count(resident_population)") / reports,
                        within(1e-9));
        assertThat(metrics.get("community_reports completeness community_name")).isEqualTo(1.0);
        assertThat(metrics.get("service_contracts row_count *"))
                .isEqualTo(stagedCount(runId, "service_contracts", "count(*)"));
        double amounts = stagedSum(runId, "service_contracts", "contract_amount");
        assertThat(amounts).isPositive();
        assertThat(metrics.get("service_contracts sum contract_amount")).isCloseTo(amounts, within(amounts * 1e-9));
        assertThat(metrics.get("grid_events row_count *")).isEqualTo(stagedCount(runId, "event", "count(*)"));
        assertThat(metrics.get("grid_events distinct event_id"))
                .isEqualTo(stagedCount(runId, "event", "count(DISTINCT event_id)"));
        return reports;
    }

    private static double lakeMetric(DataSource dataSource, String runId, String metric, String column)
            throws Exception {
        try (Connection c = dataSource.getConnection();
                var statement = c.prepareStatement("SELECT metric_value FROM shequ_dq_metric WHERE run_id = ? "
                        + "AND dataset = 'lake/fct_community_reports' AND metric = ? AND column_name = ?")) {
            statement.setString(1, runId);
            statement.setString(2, metric);
            statement.setString(3, column);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next())
                        .as("lake metric %s(%s) recorded", metric, column)
                        .isTrue();
                return rs.getDouble(1);
            }
        }
    }

    /** DuckDB over the lake table as the published warehouse holds it. */
    private static double published(Path warehouse, String aggregate) throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + warehouse + ";duckdb.read_only=true");
                Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + aggregate + " FROM fct_community_reports")) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private long stagedCount(String runId, String folder, String aggregate) throws Exception {
        return ((Number) staged(runId, folder, aggregate)).longValue();
    }

    private double stagedSum(String runId, String folder, String column) throws Exception {
        return ((Number) staged(runId, folder, "sum(CAST(" + column + " AS DOUBLE))")).doubleValue();
    }

    /** DuckDB, not Spark or Deequ, over the staged Parquet files. */
    private Object staged(String runId, String folder, String aggregate) throws Exception {
        Path files = home.resolve("staging").resolve(runId).resolve(folder);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT " + aggregate + " FROM read_parquet('" + files + "/**/*.parquet')")) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static Map<String, Boolean> accepted(DataSource dataSource) throws Exception {
        Map<String, Boolean> accepted = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT run_id, accepted FROM shequ_dq_metric")) {
            while (rs.next()) {
                assertThat(accepted.put(rs.getString(1), rs.getBoolean(2)))
                        .as("one verdict per run")
                        .isNull();
            }
        }
        return accepted;
    }

    private static int removeEverySecondReportFile(Path folder) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        int removed = 0;
        for (int i = 1; i < files.size(); i += 2) {
            Files.delete(files.get(i));
            removed++;
        }
        return removed;
    }

    private static JsonNode summary(PipelineRuntime.Outcome run) throws Exception {
        return new ObjectMapper().readTree(run.summary().toFile());
    }

    private static JsonNode anomaly(JsonNode summary, String dataset, String rule) {
        for (JsonNode a : summary.path("dq_anomalies")) {
            if (a.path("dataset").asText().equals(dataset)
                    && a.path("rule").asText().equals(rule)) {
                return a;
            }
        }
        throw new AssertionError("no anomaly outcome " + dataset + "/" + rule + " in " + summary.path("dq_anomalies"));
    }

    private static Map<String, Double> history(JsonNode anomaly) {
        Map<String, Double> history = new LinkedHashMap<>();
        anomaly.path("history")
                .forEach(p ->
                        history.put(p.path("runId").asText(), p.path("value").asDouble()));
        return history;
    }

    private static String dq(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String[] full = Stream.concat(Stream.of("dq"), Stream.of(args)).toArray(String[]::new);
            assertThat(ShequMain.execute(full)).as("shequ dq exits 0").isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
