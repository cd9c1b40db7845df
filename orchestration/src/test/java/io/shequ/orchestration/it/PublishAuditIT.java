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
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write-audit-publish at the pipeline level: a run whose snapshot fails an audit exits 3,
 * records every audit in its summary's {@code publish} section, discards its snapshot and
 * leaves the previous one current.
 */
class PublishAuditIT {

    private static final String DISTRICT = "370103";

    @TempDir
    Path home;

    @Test
    void aFailedAuditLeavesThePreviousSnapshotCurrentAndExits3() throws Exception {
        SimulationResult sample = TinySample.cleanIn(home);
        Path config = DemoCommand.writeConfig(home, DISTRICT, sample);
        WarehousePublisher publisher = new WarehousePublisher(home);

        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome first = runtime.runOnce();
            assertThat(first.exitCode()).as("the first run publishes").isZero();
            JsonNode published =
                    new ObjectMapper().readTree(first.summary().toFile()).path("publish");
            assertThat(published.path("status").asText()).isEqualTo("published");
            assertThat(names(published.path("audits")))
                    .as("named audits recorded with the run")
                    .contains(
                            "totals_reconcile:fct_community_reports",
                            "indicators_coherent:mart_indicators",
                            "referential_integrity:fct_community_reports.community_code");
            for (JsonNode audit : published.path("audits")) {
                assertThat(audit.path("passed").asBoolean())
                        .as(audit.toString())
                        .isTrue();
            }
            Path previous = publisher.current().orElseThrow();
            Path bulletins = home.resolve("warehouse").resolve("bulletin");
            try (var pages = Files.walk(bulletins)) {
                assertThat(pages.filter(p -> p.getFileName().toString().equals("index.html"))
                                .map(p -> bulletins.relativize(p).getName(1).toString()))
                        .as("the publishing run wrote the district's bulletin")
                        .isNotEmpty()
                        .allMatch(division -> division.equals(DISTRICT + "000000"));
            }
            deleteTree(bulletins);

            // As if the previous run had seen four times the reports (a source that has since lost
            // most of its files): this run's full set is a 75% drop, beyond the default 50%.
            long reports = quadrupleReports(previous);

            PipelineRuntime.Outcome second = runtime.runOnce();
            assertThat(second.exitCode()).as("an audit blocked publishing").isEqualTo(3);
            JsonNode summary = new ObjectMapper().readTree(second.summary().toFile());
            assertThat(summary.path("exit_code").asInt()).isEqualTo(3);
            JsonNode blocked = summary.path("publish");
            assertThat(blocked.path("status").asText()).isEqualTo("blocked");
            JsonNode drop = null;
            for (JsonNode audit : blocked.path("audits")) {
                if (audit.path("name").asText().equals("row_drop:fct_community_reports")) {
                    drop = audit;
                }
            }
            assertThat(drop).as("the row-drop audit is recorded").isNotNull();
            assertThat(drop.path("passed").asBoolean()).isFalse();
            assertThat(drop.path("detail").asText()).startsWith(reports + " rows, previous snapshot " + (4 * reports));

            assertThat(publisher.current())
                    .as("the previous snapshot stays current")
                    .contains(previous);
            assertThat(publisher.newSnapshotPath(second.runId()))
                    .as("the failed snapshot is discarded")
                    .doesNotExist();
            assertThat(bulletins)
                    .as("a run whose audit failed writes no bulletin")
                    .doesNotExist();
            assertThat(publisher.snapshots()).containsExactly(previous);
        }
    }

    private static List<String> names(JsonNode audits) {
        List<String> names = new ArrayList<>();
        audits.forEach(a -> names.add(a.path("name").asText()));
        return names;
    }

    /** Quadruples the reports of a published snapshot in place; returns how many there were. */
    private static long quadrupleReports(Path snapshot) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + snapshot);
                Statement statement = connection.createStatement()) {
            long reports;
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM fct_community_reports")) {
                rows.next();
                reports = rows.getLong(1);
            }
            assertThat(reports).as("the sample has reports").isPositive();
            statement.execute("INSERT INTO fct_community_reports SELECT * FROM fct_community_reports");
            statement.execute("INSERT INTO fct_community_reports SELECT * FROM fct_community_reports");
            // built from another lake snapshot of the reports: an unmoved lake would keep it current unbuilt
            statement.execute("UPDATE meta_snapshot SET iceberg_snapshot_id = iceberg_snapshot_id + 1"
                    + " WHERE table_name = 'fct_community_reports'");
            return reports;
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
