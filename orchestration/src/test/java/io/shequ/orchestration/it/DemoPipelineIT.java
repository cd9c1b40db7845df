package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.orchestration.simulator.ResolutionAgainstTruth;
import io.shequ.orchestration.simulator.SimulationResult;
import io.shequ.orchestration.simulator.SimulationSpec;
import io.shequ.orchestration.simulator.SourceSimulator;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.warehouse.IndicatorTrail;
import io.shequ.warehouse.IndicatorValue;
import io.shequ.warehouse.WarehouseContent;
import io.shequ.warehouse.WarehousePublisher;
import io.shequ.warehouse.WarehouseReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pipeline in-process on the real stack: every indicator the demo prints equals the
 * value computed straight from the sample files; every file's rows are accounted for; a second
 * run on the same sources leaves the warehouse content identical.
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
            assertNamesResolvedAsTheTruthSays(run, sample);
            first = WarehouseContent.dump(new WarehousePublisher(home).current().orElseThrow());

            assertIndicatorsMatch(new SampleTruth(home.resolve("sources"), sample.gridJdbcUrl(), sample.gridUser(),
                    sample.gridPassword(), YEAR));
            assertLineageAddsUp();

            PipelineRuntime.Outcome rerun = runtime.runOnce();
            assertThat(rerun.exitCode()).as("a rerun on the same sources succeeds").isZero();
            assertThat(rerun.runId()).isNotEqualTo(run.runId());
        }
        Map<String, List<List<Object>>> second = WarehouseContent.dump(new WarehousePublisher(home).current().orElseThrow());
        assertThat(second.keySet()).as("same tables after a rerun").isEqualTo(first.keySet());
        for (String table : first.keySet()) {
            assertThat(second.get(table)).as("table %s identical after a rerun", table).isEqualTo(first.get(table));
        }
    }

    /**
     * On the published warehouse: for every indicator code, values sampled at each level (the
     * largest numerator and the first of each breakdown) are recomputed from their lineage rows
     * alone, and over the whole mart no value's parts differ from its numerator or denominator.
     */
    private void assertLineageAddsUp() {
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            Map<String, List<IndicatorValue>> byIndicatorAndLevel = reader.indicators(null, YEAR).stream()
                    .collect(java.util.stream.Collectors.groupingBy(v -> v.indicator() + " " + v.divisionLevel()));
            Set<String> sampled = new java.util.TreeSet<>();
            for (List<IndicatorValue> values : byIndicatorAndLevel.values()) {
                List<IndicatorValue> sample = new java.util.ArrayList<>();
                values.stream().max(java.util.Comparator.comparing(IndicatorValue::numerator)).ifPresent(sample::add);
                values.stream().collect(java.util.stream.Collectors.toMap(IndicatorValue::breakdown, v -> v, (a, b) -> a))
                        .values().forEach(sample::add);
                for (IndicatorValue v : sample) {
                    IndicatorTrail trail = reader.trail(v.indicator(), v.divisionCode(), v.year(), v.breakdown())
                            .orElseThrow();
                    String what = v.indicator() + "/" + v.breakdown() + " " + v.divisionCode();
                    assertThat(trail.addsUp()).as("lineage rows of %s recompute %s / %s", what, v.numerator(),
                            v.denominator()).isTrue();
                    if (v.numerator() > 0) {
                        assertThat(trail.rows()).as("rows behind %s", what).isNotEmpty();
                    }
                    sampled.add(v.indicator() + " at " + v.divisionLevel());
                }
            }
            assertThat(sampled).as("every indicator of the catalogue is traced at every level").hasSize(18 * 4);
            List<List<Object>> off = reader.query("""
                    SELECT m.indicator, m.breakdown, m.division_code, m.numerator, l.numerator, m.denominator, l.denominator
                    FROM mart_indicators AS m
                    LEFT JOIN (SELECT year, division_code, indicator, breakdown, sum(numerator_part) AS numerator,
                                      sum(denominator_part) AS denominator
                               FROM mart_indicator_lineage GROUP BY ALL) AS l
                        USING (year, division_code, indicator, breakdown)
                    WHERE abs(coalesce(l.numerator, 0) - m.numerator) > 1e-9 * greatest(1, abs(m.numerator))
                       OR abs(coalesce(l.denominator, 0) - m.denominator) > 1e-9 * greatest(1, abs(m.denominator))
                    LIMIT 10""");
            assertThat(off).as("values whose lineage parts do not add up to them").isEmpty();
        }
    }

    /**
     * What the demo reports as {@code resolution_against_truth}: no name resolved to another unit
     * than the simulator meant, at least 99% of them resolved; and, checked here in plain SQL from
     * the truth files and the lake facts, no report fact's community and no contract fact's served
     * codes differ from the truth of the row it came from.
     */
    private void assertNamesResolvedAsTheTruthSays(PipelineRuntime.Outcome run, SimulationResult sample) throws Exception {
        ResolutionAgainstTruth score = DemoCommand.scoreResolution(home, run, sample, System.out).orElseThrow();
        JsonNode reported = new ObjectMapper().readTree(run.summary().toFile()).path(ResolutionAgainstTruth.SUMMARY_KEY);
        assertThat(reported.path("resolvable").asLong()).as("the summary's resolvable names")
                .isEqualTo(score.total().resolvable()).isGreaterThan(500);
        assertThat(reported.path("by_source").path("procurement_ledgers").path("resolvable").asLong())
                .as("ledger rows are scored too").isPositive();
        assertThat(reported.path("precision").asDouble()).as("precision in the summary: %s", score).isEqualTo(1.0);
        assertThat(reported.path("recall").asDouble()).as("recall in the summary: %s", score).isGreaterThanOrEqualTo(0.99);

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
            long[] reports = counts(sql, "SELECT count(*), count(*) FILTER (WHERE f.community_code <> t.community_code)"
                    + " FROM reports f JOIN report_truth t ON t.file = 'street-offices/' || f.source_file"
                    + " AND t.line = CAST(f.source_line AS VARCHAR)");
            assertThat(reports[0]).as("report facts traced to their truth rows")
                    .isEqualTo(counts(sql, "SELECT count(*) FROM reports")[0]);
            assertThat(reports[1]).as("report facts whose community is not the one the row names").isZero();
            long[] contracts = counts(sql, "SELECT count(*), count(*) FILTER (WHERE f.codes <> t.codes) FROM"
                    + " (SELECT source_file, source_line, string_agg(served_code, ';' ORDER BY served_code) AS codes"
                    + " FROM contracts GROUP BY ALL) f JOIN (SELECT file, line, array_to_string(list_sort("
                    + "string_split(served_codes, ';')), ';') AS codes FROM contract_truth) t"
                    + " ON t.file = 'procurement/' || f.source_file AND t.line = CAST(f.source_line AS VARCHAR)");
            assertThat(contracts[0]).as("contracts traced to their truth rows")
                    .isEqualTo(counts(sql, "SELECT count(DISTINCT (source_file, source_line)) FROM contracts")[0]);
            assertThat(contracts[1]).as("contracts whose served divisions are not the ones the row names").isZero();
        }
    }

    private static String parquet(LakeSnapshot lake, String table) {
        return "read_parquet(" + lake.table(table).orElseThrow().dataFiles().stream()
                .map(f -> "'" + f.replaceFirst("^file:", "") + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]"))
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

    private static void assertRowsAccountedFor(Path summaryFile, SimulationResult sample) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        assertThat(summary.path("exit_code").asInt()).isZero();
        long reportRows = 0;
        long files = 0;
        for (JsonNode source : summary.path("sources")) {
            long read = source.path("rowsRead").asLong();
            assertThat(read).as("rows read = staged + quarantined for %s", source.path("location").asText())
                    .isEqualTo(source.path("rowsStaged").asLong() + source.path("rowsQuarantined").asLong());
            if (source.path("source").asText().equals("street_office_reports")) {
                reportRows += read;
                files++;
            }
        }
        assertThat(files).as("every report file is accounted for").isEqualTo(sample.reportFiles());
        assertThat(reportRows).as("every report row is read").isEqualTo(sample.reportRows());
        assertThat(summary.path("steps")).as("seven steps ran").hasSize(7);
    }

    /**
     * Every indicator and breakdown at every level (city, district, streets, communities) equals the
     * value computed from the ground truth, and the warehouse publishes exactly the rows the truth has.
     */
    private void assertIndicatorsMatch(SampleTruth truth) throws Exception {
        IndicatorTruth expected = new IndicatorTruth(truth, YEAR);
        List<String> mismatches = new java.util.ArrayList<>();
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            List<IndicatorValue> published = reader.indicators(null, YEAR);
            Map<String, Map<String, IndicatorValue>> byDivision = new java.util.TreeMap<>();
            for (IndicatorValue v : published) {
                byDivision.computeIfAbsent(v.divisionCode(), k -> new java.util.TreeMap<>())
                        .put(v.indicator() + "/" + v.breakdown(), v);
            }
            List<String> divisions = new java.util.ArrayList<>(List.of("370100000000", DISTRICT + "000000"));
            divisions.addAll(SampleTruth.divisions("streets.csv.gz", DISTRICT));
            divisions.addAll(SampleTruth.divisions("villages.csv.gz", DISTRICT));
            assertThat(byDivision.keySet()).as("the city, the district, its streets and its communities")
                    .containsExactlyInAnyOrderElementsOf(divisions);
            for (String code : divisions) {
                String prefix = code.startsWith("0000", 4) ? code.substring(0, 4)
                        : code.startsWith("000000", 6) ? code.substring(0, 6)
                        : code.endsWith("000") ? code.substring(0, 9) : code;
                Map<String, Double> truthValues = expected.of(prefix);
                Map<String, IndicatorValue> values = byDivision.get(code);
                if (!values.keySet().equals(truthValues.keySet())) {
                    Set<String> extra = new java.util.TreeSet<>(values.keySet());
                    extra.removeAll(truthValues.keySet());
                    Set<String> missing = new java.util.TreeSet<>(truthValues.keySet());
                    missing.removeAll(values.keySet());
                    mismatches.add(code + ": published but not in the truth " + extra + ", missing " + missing);
                }
                for (var e : values.entrySet()) {
                    Double want = truthValues.get(e.getKey());
                    double got = e.getValue().value();
                    if (want != null && Math.abs(got - want) > 1e-9 * Math.max(1, Math.abs(want))) {
                        mismatches.add(code + " " + e.getKey() + ": published " + got + ", truth " + want);
                    }
                }
            }
        }
        assertThat(mismatches).as("indicators that differ from the ground truth").isEmpty();
        assertThat(expected.of(DISTRICT).keySet()).as("the sample exercises every indicator of the catalogue")
                .contains("units/", "units/residents_committee", "units/villagers_committee", "office_ok/", "staff_avg/", "staff_per_10k/", "social_workers/", "volunteer_rate/",
                        "social_orgs/", "space_per_100hh/", "consult/", "purchase/", "grid/", "events/", "close_rate/",
                        "ontime_rate/", "rework_rate/", "satisfaction/", "dispose_hours/", "disputes/");
    }
}
