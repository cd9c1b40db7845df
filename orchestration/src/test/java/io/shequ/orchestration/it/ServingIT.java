package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.cli.ShequMain;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import io.shequ.warehouse.IndicatorTrail;
import io.shequ.warehouse.IndicatorValue;
import io.shequ.warehouse.LineageRow;
import io.shequ.warehouse.WarehouseReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What statisticians read, on one real pipeline run of the demo sample: the lineage of the
 * published values adds back up to them and leads to the sample's files; {@code explain},
 * {@code stats} (CSV, JSON) and the data dictionary in the home.
 */
class ServingIT {

    private static final int YEAR = 2023;
    private static final String DISTRICT = "370103";
    private static final Set<String> TRACED = Set.of(
            "units",
            "office_ok",
            "staff_avg",
            "staff_per_10k",
            "social_workers",
            "volunteer_rate",
            "social_orgs",
            "space_per_100hh",
            "consult",
            "purchase",
            "grid",
            "events",
            "close_rate",
            "ontime_rate",
            "rework_rate",
            "satisfaction",
            "dispose_hours",
            "disputes");

    @TempDir
    static Path home;

    @BeforeAll
    static void runTheDemoPipeline() throws Exception {
        SimulationResult sample = SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse(DISTRICT), YEAR, 11), home.resolve("sources"));
        try (PipelineRuntime runtime =
                new PipelineRuntime(ConfigReader.read(DemoCommand.writeConfig(home, DISTRICT, sample)))) {
            assertThat(runtime.runOnce().exitCode()).as("the demo run succeeds").isZero();
        }
    }

    @Test
    void lineageOfEveryTracedValueAddsBackUpToIt() {
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            List<List<Object>> mismatches = reader.query("""
                    WITH parts AS (
                        SELECT year, division_code, indicator, breakdown,
                               sum(numerator_part) AS numerator, sum(denominator_part) AS denominator
                        FROM mart_indicator_lineage
                        GROUP BY ALL
                    )
                    SELECT m.year, m.division_code, m.indicator, m.breakdown, m.numerator, p.numerator,
                           m.denominator, p.denominator
                    FROM mart_indicators AS m
                    LEFT JOIN parts AS p USING (year, division_code, indicator, breakdown)
                    WHERE (abs(coalesce(p.numerator, 0) - m.numerator) > 1e-6 * greatest(1, abs(m.numerator))
                           OR (m.denominator IS NOT NULL
                               AND abs(coalesce(p.denominator, 0) - m.denominator) > 1e-6 * greatest(1, m.denominator)))
                    """);
            assertThat(mismatches).as("values whose lineage does not add up").isEmpty();
            long traced = ((Number) reader.query("SELECT count(*) FROM (SELECT DISTINCT year, division_code, indicator,"
                                    + " breakdown FROM mart_indicator_lineage)")
                            .get(0)
                            .get(0))
                    .longValue();
            assertThat(traced).as("values with rows behind them").isGreaterThan(500);
        }
    }

    @Test
    void sampledTrailsLeadToTheSampleFilesAndGridEvents() throws Exception {
        Set<String> sampleFiles;
        try (Stream<Path> files = Files.walk(home.resolve("sources"))) {
            sampleFiles = files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
        }
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            // three streets cover every traced indicator; each trail is a query of its own
            Set<String> streets = reader.indicators("street", YEAR).stream()
                    .map(IndicatorValue::divisionCode)
                    .sorted()
                    .distinct()
                    .limit(3)
                    .collect(Collectors.toSet());
            List<IndicatorValue> sampled = reader.indicators("street", YEAR).stream()
                    .filter(v -> TRACED.contains(v.indicator()) && v.breakdown().isEmpty())
                    .filter(v -> streets.contains(v.divisionCode()))
                    .toList();
            assertThat(sampled).isNotEmpty();
            for (IndicatorValue v : sampled) {
                IndicatorTrail trail =
                        reader.trail(v.indicator(), v.divisionCode(), YEAR, "").orElseThrow();
                String what = v.indicator() + " of " + v.divisionName();
                assertThat(trail.addsUp()).as(what + " adds up").isTrue();
                assertThat(trail.numeratorSum().doubleValue()).as(what).isCloseTo(v.numerator(), within(1e-6));
                for (LineageRow row : trail.rows()) {
                    switch (row.factTable()) {
                        case "fct_community_reports", "fct_service_contracts" -> {
                            assertThat(row.source()).as(what + ": " + row).isNotNull();
                            assertThat(Path.of(row.source()).getFileName().toString())
                                    .as(what + " comes from a file of the sample")
                                    .isIn(sampleFiles);
                            assertThat(Integer.parseInt(row.sourceRow()))
                                    .as("a line number")
                                    .isPositive();
                        }
                        case "fct_grid_events" -> assertThat(row.source()).isEqualTo("grid_system.event");
                        case "dim_grid" -> assertThat(row.source()).isEqualTo("grid_system.grid");
                        case "dim_division" ->
                            assertThat(row.sourceRow())
                                    .startsWith(v.divisionCode().substring(0, 9));
                        default -> throw new AssertionError("unexpected fact table " + row);
                    }
                }
            }
        }
    }

    @Test
    void explainPrintsTheTrailEndingWithTheArithmetic() throws Exception {
        IndicatorValue district;
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            district = reader.indicators("district", YEAR).stream()
                    .filter(v -> v.indicator().equals("volunteer_rate"))
                    .findFirst()
                    .orElseThrow();
        }
        Result explained = shequ(
                "explain",
                "--home",
                home.toString(),
                "--indicator",
                "volunteer_rate",
                "--division",
                DISTRICT,
                "--year",
                String.valueOf(YEAR));
        assertThat(explained.exitCode()).as(explained.out()).isZero();
        List<String> lines = explained.out().strip().lines().toList();
        assertThat(lines.get(0)).startsWith("volunteer_rate (注册志愿者比率 / Registered volunteer rate), 2023");
        assertThat(explained.out())
                .contains("division: " + district.divisionName() + " 370103000000 (district)")
                .contains("fct_community_reports")
                .doesNotContain("WARNING");
        String last = lines.get(lines.size() - 1);
        assertThat(last).as("numerator / denominator = value").matches("value {7}= \\d+ / \\d+ = 0\\.\\d+ ratio");
        String[] terms = last.replaceAll("[^0-9./ ]", " ").trim().split("[ /=]+");
        assertThat(Double.parseDouble(terms[0])).isEqualTo(district.numerator());
        assertThat(Double.parseDouble(terms[1])).isEqualTo(district.denominator());
        assertThat(Double.parseDouble(terms[0]) / Double.parseDouble(terms[1]))
                .isCloseTo(district.value(), within(1e-12));

        Result missing = shequ(
                "explain",
                "--home",
                home.toString(),
                "--indicator",
                "close_rate",
                "--division",
                DISTRICT,
                "--year",
                "1990");
        assertThat(missing.exitCode()).as("no such value").isEqualTo(1);
    }

    @Test
    void statsPrintsCsvAndJsonWithCodesAndBilingualNames() throws Exception {
        Result csv = shequ(
                "stats",
                "--home",
                home.toString(),
                "--level",
                "street",
                "--year",
                String.valueOf(YEAR),
                "--format",
                "csv");
        assertThat(csv.exitCode()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).endsWith(",division_level_zh,indicator_name_zh,indicator_name_en");
        List<String> staff =
                lines.stream().filter(l -> l.contains(",staff_avg,,")).toList();
        assertThat(staff)
                .as("one staff_avg row per street")
                .hasSize(17)
                .allMatch(l -> l.matches(
                        "2023,370103\\d{3}000,street,[^,]+,staff_avg,.*,街道/乡镇,社区平均专职人员数,Staff per community"));

        Result json = shequ(
                "stats",
                "--home",
                home.toString(),
                "--level",
                "district",
                "--year",
                String.valueOf(YEAR),
                "--format",
                "json");
        assertThat(json.exitCode()).isZero();
        JsonNode values = new ObjectMapper().readTree(json.out());
        assertThat(values.size()).isGreaterThan(5);
        for (JsonNode v : values) {
            assertThat(v.path("divisionCode").asText()).isEqualTo("370103000000");
            assertThat(v.path("divisionName").asText()).isEqualTo("市中区");
            assertThat(v.path("divisionLevelZh").asText()).isEqualTo("区县");
            assertThat(v.path("indicatorNameEn").asText())
                    .as("English label of " + v.path("indicator"))
                    .isNotBlank();
        }
    }

    @Test
    void eachPublishWritesTheDataDictionaryIntoTheHome() throws Exception {
        Path md = home.resolve("warehouse/dictionary.md");
        Path html = home.resolve("warehouse/dictionary.html");
        assertThat(md).exists();
        assertThat(html).exists();
        assertThat(Files.readString(md))
                .contains("## mart_indicators\n")
                .contains("## mart_indicator_lineage\n")
                .contains("| `division_code` |");
        assertThat(Files.readString(html)).contains("<h2 id=\"fct_grid_events\">");

        Path out = home.resolve("dictionary-out");
        assertThat(shequ("dictionary", "--out", out.toString()).exitCode()).isZero();
        assertThat(Files.readString(out.resolve("dictionary.md"))).isEqualTo(Files.readString(md));
    }

    @Test
    void biUrlPrintsABoundedSandboxedUrlAndReadersSpillOutsideTheSnapshots() throws Exception {
        Result printed = shequ("bi-url", "--home", home.toString());
        assertThat(printed.exitCode()).as(printed.out()).isZero();
        String url = printed.out().strip();
        assertThat(url)
                .startsWith(
                        "jdbc:duckdb:" + home.resolve("warehouse/current.duckdb") + ";duckdb.read_only=true;threads=")
                .contains(
                        ";memory_limit=",
                        ";temp_directory=" + home.resolve("work/bi-spill") + ";",
                        ";max_temp_directory_size=")
                .endsWith(";enable_external_access=false;lock_configuration=true");
        try (Connection bi = DriverManager.getConnection(url);
                ResultSet rows = bi.createStatement().executeQuery("SELECT count(*) FROM mart_indicators")) {
            rows.next();
            assertThat(rows.getLong(1))
                    .as("the BI URL opens the current snapshot")
                    .isPositive();
        }
        try (Stream<Path> spills = Files.list(home.resolve("work/reader-spill"))) {
            assertThat(spills)
                    .as("every reader (the run's indicators, stats, explain) removed its spill folder")
                    .isEmpty();
        }
        try (Stream<Path> snapshots = Files.list(home.resolve("warehouse/snapshots"))) {
            assertThat(snapshots)
                    .as("no spill beside the snapshots")
                    .allMatch(p -> p.toString().endsWith(".duckdb"));
        }
    }

    private record Result(int exitCode, String out) {}

    private static synchronized Result shequ(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit;
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            exit = ShequMain.execute(args);
        } finally {
            System.setOut(original);
        }
        return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
    }
}
