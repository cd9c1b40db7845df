package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.orchestration.truth.ResolutionAgainstTruth;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import io.shequ.warehouse.WarehouseContent;
import io.shequ.warehouse.WarehousePublisher;
import io.shequ.warehouse.WarehouseReader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pipeline in-process on the real stack: every indicator the demo prints equals the
 * value computed straight from the sample files; every file's rows are accounted for; a second
 * run on the same sources leaves the warehouse content identical, without staging the unchanged
 * report files and ledgers again (it names them, and the run whose rows stand). On the home the two runs leave,
 * the lake's guarantees ({@link LakeGuarantees}): facts reconcile with the staged rows, both runs
 * committed identical lake tables, and no ID number or mobile number is in any file under lake/
 * or warehouse/; nor in the grid mirror under state/, which holds no reporter name either.
 * Nothing under the home is open to its group or others. The ledgers' contract money is accounted
 * for from the cells to the published {@code purchase} ({@link LedgerMoney}). The statistical bulletin
 * the publish wrote opens in headless Chromium with the published figures ({@link BulletinInBrowser}).
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
            assertQuarantinePublished(run.summary(), home);
            assertNamesResolvedAsTheTruthSays(run, sample);
            LedgerMoney.assertAccountedFor(run.summary(), home, sample.groundTruthFolder(), DISTRICT);
            first = WarehouseContent.dump(new WarehousePublisher(home).current().orElseThrow());

            PublishedIndicators.assertMatchTruth(
                    home,
                    new SampleTruth(
                            home.resolve("sources"),
                            sample.gridJdbcUrl(),
                            sample.gridUser(),
                            sample.gridPassword(),
                            YEAR),
                    YEAR,
                    List.of(DISTRICT));
            PublishedIndicators.assertLineageAddsUp(home, YEAR);
            BulletinInBrowser.assertRendersThePublishedFigures(
                    home,
                    home.resolve("warehouse/bulletin/" + YEAR + "/" + DISTRICT + "000000/index.html"),
                    DISTRICT + "000000",
                    YEAR,
                    Path.of("target", "bulletin-" + DISTRICT + "-" + YEAR + ".png"));

            PipelineRuntime.Outcome rerun = runtime.runOnce();
            assertThat(rerun.exitCode())
                    .as("a rerun on the same sources succeeds")
                    .isZero();
            assertThat(rerun.runId()).isNotEqualTo(run.runId());
            JsonNode summary = new ObjectMapper().readTree(rerun.summary().toFile());
            assertThat(summary.path("quarantine_purge").path("keepDays").asInt())
                    .as("the purge of old quarantine is counted in the run summary")
                    .isEqualTo(30);
            assertThat(summary.path("quarantine_purge").path("runs").asInt())
                    .as("the first run's quarantine is fresh")
                    .isZero();
            LakeGuarantees.assertFactsReconcile(home, run.runId());
            Map<String, String> unchanged = new TreeMap<>();
            summary.path("unchanged_sources")
                    .forEach(u -> unchanged.put(
                            u.path("source").asText(), u.path("readBy").asText()));
            assertThat(unchanged)
                    .as("the same files, reference data, settings and build: the file sources are not staged again")
                    .isEqualTo(Map.of("street_office_reports", run.runId(), "procurement_ledgers", run.runId()));
            assertThat(home.resolve("staging").resolve(rerun.runId()).resolve("community_reports"))
                    .doesNotExist();
            assertThat(home.resolve("staging").resolve(rerun.runId()).resolve("service_contracts"))
                    .doesNotExist();
            LakeGuarantees.assertSameLakeContents(home, run.runId(), rerun.runId());
            LakeGuarantees.assertNoPersonalData(home);
            LakeGuarantees.assertMirrorHoldsNoPersonalData(
                    home, LakeGuarantees.reporterNames(sample.gridJdbcUrl(), sample.gridUser(), sample.gridPassword()));
            assertThat(summary.path("raw_purge")
                            .path("staging")
                            .path("keepDays")
                            .asInt())
                    .as("the purge of past runs' staging is counted in the run summary")
                    .isEqualTo(30);
            assertThat(summary.path("raw_purge")
                            .path("landing_tables")
                            .path("runs")
                            .asInt())
                    .as("the first run's landed grid tables are fresh: kept")
                    .isZero();
        }
        Map<String, List<List<Object>>> second =
                WarehouseContent.dump(new WarehousePublisher(home).current().orElseThrow());
        assertThat(second.keySet()).as("same tables after a rerun").isEqualTo(first.keySet());
        for (String table : first.keySet()) {
            assertThat(second.get(table))
                    .as("table %s identical after a rerun", table)
                    .isEqualTo(first.get(table));
        }
        assertNothingOpenToOthers(home);
    }

    /**
     * After the demo no file or folder under the home (the sample, secrets, landing, staging,
     * quarantine, state with its H2 files, runs, lake, warehouse) is open to its group or others;
     * without {@code warehouse.readers-group} the snapshots are no exception. Symbolic links
     * ({@code current.duckdb}) have no mode of their own.
     */
    static void assertNothingOpenToOthers(Path home) throws Exception {
        List<String> open = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path path : walk.toList()) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                String mode =
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                if (!mode.endsWith("------")) {
                    open.add(mode + " " + home.relativize(path));
                }
            }
        }
        assertThat(open)
                .as("files and folders under the home readable by group or others")
                .isEmpty();
    }

    /**
     * What the demo reports as {@code resolution_against_truth}: no name resolved to another unit
     * than the simulator meant, at least 99% of them resolved; and, checked here in plain SQL from
     * the truth files and the lake facts, no report fact's community and no contract fact's served
     * codes differ from the truth of the row it came from.
     */
    private void assertNamesResolvedAsTheTruthSays(PipelineRuntime.Outcome run, SimulationResult sample)
            throws Exception {
        ResolutionAgainstTruth score =
                DemoCommand.scoreResolution(home, run, sample, System.out).orElseThrow();
        JsonNode reported =
                new ObjectMapper().readTree(run.summary().toFile()).path(ResolutionAgainstTruth.SUMMARY_KEY);
        assertThat(reported.path("resolvable").asLong())
                .as("the summary's resolvable names")
                .isEqualTo(score.total().resolvable())
                .isGreaterThan(500);
        assertThat(reported.path("by_source")
                        .path("procurement_ledgers")
                        .path("resolvable")
                        .asLong())
                .as("ledger rows are scored too")
                .isPositive();
        assertThat(reported.path("precision").asDouble())
                .as("precision in the summary: %s", score)
                .isEqualTo(1.0);
        assertThat(reported.path("recall").asDouble())
                .as("recall in the summary: %s", score)
                .isGreaterThanOrEqualTo(0.99);

        LakeSnapshot lake = LakeSnapshot.read(run.summary().resolveSibling("lake-snapshot.json"));
        Path truth = sample.groundTruthFolder();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            sql.execute("CREATE VIEW reports AS SELECT * FROM " + parquet(lake, "fct_community_reports"));
            sql.execute("CREATE VIEW contracts AS SELECT * FROM " + parquet(lake, "fct_service_contracts"));
            sql.execute("CREATE VIEW report_truth AS SELECT * FROM read_csv('" + truth.resolve("report-rows.csv")
                    + "', header = true, all_varchar = true)");
            sql.execute("CREATE VIEW contract_truth AS SELECT * FROM read_csv('" + truth.resolve("contracts.csv")
                    + "', header = true, all_varchar = true)");
            long[] reports = counts(
                    sql,
                    "SELECT count(*), count(*) FILTER (WHERE f.community_code <> t.community_code)"
                            + " FROM reports f JOIN report_truth t ON t.file = 'street-offices/' || f.source_file"
                            + " AND t.line = CAST(f.source_line AS VARCHAR)");
            assertThat(reports[0])
                    .as("report facts traced to their truth rows")
                    .isEqualTo(counts(sql, "SELECT count(*) FROM reports")[0]);
            assertThat(reports[1])
                    .as("report facts whose community is not the one the row names")
                    .isZero();
            long[] contracts = counts(
                    sql,
                    "SELECT count(*), count(*) FILTER (WHERE f.codes <> t.codes) FROM"
                            + " (SELECT source_file, source_line, string_agg(served_code, ';' ORDER BY served_code) AS codes"
                            + " FROM contracts GROUP BY ALL) f JOIN (SELECT file, line, array_to_string(list_sort("
                            + "string_split(served_codes, ';')), ';') AS codes FROM contract_truth) t"
                            + " ON t.file = 'procurement/' || f.source_file AND t.line = CAST(f.source_line AS VARCHAR)");
            assertThat(contracts[0])
                    .as("contracts traced to their truth rows")
                    .isEqualTo(counts(sql, "SELECT count(DISTINCT (source_file, source_line)) FROM contracts")[0]);
            assertThat(contracts[1])
                    .as("contracts whose served divisions are not the ones the row names")
                    .isZero();
        }
    }

    private static String parquet(LakeSnapshot lake, String table) {
        return "read_parquet("
                + lake.table(table).orElseThrow().dataFiles().stream()
                        .map(f -> "'" + f.replaceFirst("^file:", "") + "'")
                        .collect(Collectors.joining(", ", "[", "]"))
                + ", hive_partitioning = false, union_by_name = true)";
    }

    private static long[] counts(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            long[] values = new long[rows.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.getLong(i + 1);
            }
            return values;
        }
    }

    /**
     * The snapshot's {@code dq_quarantined} holds, per source, as many rows as the run's accounts
     * say each file lost to quarantine plus those conform could not place, and one whole file per
     * file quarantined whole; its
     * {@code dq_name_resolution} holds the names conform resolved.
     */
    private static void assertQuarantinePublished(Path summaryFile, Path home) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        Map<String, Long> accounted = new TreeMap<>();
        for (JsonNode source : summary.path("sources")) {
            accounted.merge(
                    source.path("source").asText(),
                    source.path("rowsQuarantined").asLong(),
                    Long::sum);
        }
        // rows conform could not place (unresolved divisions) are quarantined there, after the files' accounts
        JsonNode conform = summary.path("conform");
        accounted.merge(
                "street_office_reports",
                conform.path("community_reports_unresolved").asLong(),
                Long::sum);
        accounted.merge(
                "procurement_ledgers",
                conform.path("service_contracts_unresolved").asLong(),
                Long::sum);
        accounted.merge("grid_system", conform.path("grid_events_unresolved").asLong(), Long::sum);
        accounted.values().removeIf(n -> n == 0);
        Map<String, Long> published = new TreeMap<>();
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            for (List<Object> row :
                    reader.query("SELECT source, sum(rows_quarantined) FROM dq_quarantined GROUP BY source"
                            + " HAVING sum(rows_quarantined) > 0")) {
                published.put((String) row.get(0), ((Number) row.get(1)).longValue());
            }
            assertThat(published)
                    .as("rows quarantined per source: the warehouse against the run's accounts")
                    .isNotEmpty()
                    .isEqualTo(accounted);
            assertThat(((Number) reader.query("SELECT coalesce(sum(files_quarantined), 0) FROM dq_quarantined")
                                    .get(0)
                                    .get(0))
                            .longValue())
                    .as("files quarantined whole")
                    .isEqualTo(summary.path("files_quarantined_whole").size());
            long names = 0;
            for (JsonNode source : summary.path("conform").path("resolution")) {
                names += source.path("names").asLong();
            }
            assertThat(((Number) reader.query("SELECT sum(names) FROM dq_name_resolution")
                                    .get(0)
                                    .get(0))
                            .longValue())
                    .as("names resolved")
                    .isEqualTo(names);
        }
    }

    private static void assertRowsAccountedFor(Path summaryFile, SimulationResult sample) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        assertThat(summary.path("exit_code").asInt()).isZero();
        long reportRows = 0;
        long files = 0;
        for (JsonNode source : summary.path("sources")) {
            long read = source.path("rowsRead").asLong();
            assertThat(read)
                    .as(
                            "rows read = staged + quarantined for %s",
                            source.path("location").asText())
                    .isEqualTo(source.path("rowsStaged").asLong()
                            + source.path("rowsQuarantined").asLong());
            if (source.path("source").asText().equals("street_office_reports")) {
                reportRows += read;
                files++;
            }
        }
        assertThat(files).as("every report file is accounted for").isEqualTo(sample.reportFiles());
        assertThat(reportRows).as("every report row is read").isEqualTo(sample.reportRows());
        assertThat(summary.path("steps")).as("seven steps ran").hasSize(7);
    }
}
