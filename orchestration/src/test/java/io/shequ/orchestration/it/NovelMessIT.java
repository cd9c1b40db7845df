package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.cli.ShequMain;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.simulator.GroundTruthCsv;
import io.shequ.simulator.Mess;
import io.shequ.simulator.MessKind;
import io.shequ.simulator.Novelties;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import io.shequ.warehouse.WarehousePublisher;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on sources written with what it was never shown: header spellings and service
 * categories from lists kept in this test's resources (novel-mess/, which staging never reads),
 * group headings over the ledger's header, a ledger on two sheets, served cells joined by 及/和/与
 * with street prefixes, dates in the years 0, 1900 and 9999, a hidden file, a link out of the
 * folder and a link loop; then the ledger sent again without two contracts. Every expected value
 * comes from the simulator's ground truth, never from the pipeline's tables.
 */
class NovelMessIT {

    private static final int YEAR = 2023;
    private static final String DISTRICT = "370103";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void unseenSpellingsStructuresAndDatesAreReadOrNamedAndDeletionsPropagate() throws Exception {
        Mess mess = Mess.none()
                .with(MessKind.NOVEL_HEADERS, 1)
                .with(MessKind.NOVEL_CATEGORIES, 0.3)
                .with(MessKind.IMPLAUSIBLE_DATES, 0.15)
                .with(MessKind.SERVED_CONJUNCTIONS, 0.8)
                .with(MessKind.MULTI_ROW_HEADER, 1)
                .with(MessKind.LEDGER_SHEETS, 1)
                .with(MessKind.LEDGER_RESENT, 1)
                .with(MessKind.STRAY_ENTRIES, 1)
                .with(MessKind.DEEP_GRIDS, 0.5);
        Path sources = home.resolve("sources");
        SimulationResult sample = SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse(DISTRICT), YEAR, 13)
                        .withMonths(1)
                        .withEventsPerCommunity(2)
                        .withContracts(30)
                        .withMess(mess)
                        .withNovelties(novelties()),
                sources);
        Path truth = sample.groundTruthFolder();
        List<Map<String, String>> contracts = records(truth.resolve("contracts.csv"));
        assertThat(contracts)
                .as("the sample holds every new kind of ledger mess")
                .anySatisfy(c -> assertThat(c.get("category_outcome")).isEqualTo("other"))
                .anySatisfy(c -> assertThat(c.get("rule")).isEqualTo("implausible_date"))
                .anySatisfy(c -> assertThat(c.get("served_form")).isEqualTo("conjunction"))
                .anySatisfy(c -> assertThat(c.get("sheet")).isEqualTo("台账(续)"));
        Path config = DemoCommand.writeConfig(home, DISTRICT, sample);

        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome run = runtime.runOnce();
            JsonNode summary = JSON.readTree(run.summary().toFile());
            assertThat(run.exitCode())
                    .as("the run finishes: %s", summary.path("exit_reason").asText())
                    .isZero();
            assertLedgerRowsAccountedFor(summary, contracts);
            assertHeadersNamed(summary, records(truth.resolve("novel-headers.csv")));
            assertCategoriesNamed(summary, contracts);
            assertQuarantinedAsTheTruthSays(contracts);
            assertStrayEntriesAccountedFor(runtime, run.runId(), summary, records(truth.resolve("stray-entries.csv")));
            PublishedIndicators.assertMatchTruth(
                    home,
                    new SampleTruth(sources, sample.gridJdbcUrl(), sample.gridUser(), sample.gridPassword(), YEAR),
                    YEAR,
                    List.of(DISTRICT));

            // the ledger is sent again without two contracts, with the truth after it beside it
            Set<String> before = projects(contracts);
            copyTree(sources.resolve("resent"), sources);
            List<Map<String, String>> after = records(truth.resolve("contracts.csv"));
            Set<String> removed = new TreeSet<>(before);
            removed.removeAll(projects(after));
            assertThat(removed).as("the resent ledger drops two contracts").hasSize(2);
            assertThat(publishedProjects())
                    .as("published before the ledger is resent")
                    .containsAll(removed);

            PipelineRuntime.Outcome rerun = runtime.runOnce();
            JsonNode resummary = JSON.readTree(rerun.summary().toFile());
            assertThat(rerun.exitCode())
                    .as("the rerun finishes: %s", resummary.path("exit_reason").asText())
                    .isZero();
            assertLedgerRowsAccountedFor(resummary, after);
            assertThat(lakeProjects(rerun))
                    .as("contracts in the lake after the resend")
                    .doesNotContainAnyElementsOf(removed)
                    .isNotEmpty();
            assertThat(publishedProjects())
                    .as("contracts published after the resend")
                    .doesNotContainAnyElementsOf(removed)
                    .isNotEmpty();
            PublishedIndicators.assertMatchTruth(
                    home,
                    new SampleTruth(sources, sample.gridJdbcUrl(), sample.gridUser(), sample.gridPassword(), YEAR),
                    YEAR,
                    List.of(DISTRICT));
        }
    }

    /** The lists of test resources novel-mess/*.txt, one entry a line, # comments. */
    private static Novelties novelties() throws Exception {
        return new Novelties(
                list("settled-verbs"), list("unit-suffixes"), list("unknown-headers"), list("service-categories"));
    }

    private static List<String> list(String name) throws Exception {
        try (InputStream in = NovelMessIT.class.getClassLoader().getResourceAsStream("novel-mess/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        }
    }

    /** Per ledger file: read = staged + quarantined, each as many as the truth's rows say. */
    private static void assertLedgerRowsAccountedFor(JsonNode summary, List<Map<String, String>> contracts) {
        Map<String, List<Map<String, String>>> byFile = contracts.stream()
                .collect(Collectors.groupingBy(c -> c.get("file").substring("procurement/".length())));
        Map<String, JsonNode> sources = new HashMap<>();
        for (JsonNode source : summary.path("sources")) {
            sources.put(
                    source.path("source").asText() + "|"
                            + source.path("location").asText(),
                    source);
            assertThat(source.path("rowsRead").asLong())
                    .as("rows of %s", source.path("location").asText())
                    .isEqualTo(source.path("rowsStaged").asLong()
                            + source.path("rowsQuarantined").asLong());
        }
        for (var file : byFile.entrySet()) {
            JsonNode source = sources.get("procurement_ledgers|" + file.getKey());
            assertThat(source)
                    .as("the summary accounts for %s among %s", file.getKey(), sources.keySet())
                    .isNotNull();
            long quarantined = file.getValue().stream()
                    .filter(c -> c.get("outcome").equals("quarantined"))
                    .count();
            assertThat(source.path("rowsRead").asLong())
                    .as("rows read from %s", file.getKey())
                    .isEqualTo(file.getValue().size());
            assertThat(source.path("rowsQuarantined").asLong())
                    .as("rows quarantined from %s", file.getKey())
                    .isEqualTo(quarantined);
        }
    }

    /**
     * Each unknown header is a warning naming it in its street's files; a respelled header is read as its
     * field (the indicators show it), so no finding calls it unknown or ambiguous.
     */
    private static void assertHeadersNamed(JsonNode summary, List<Map<String, String>> headers) {
        List<JsonNode> findings = new ArrayList<>();
        summary.path("source_findings").forEach(findings::add);
        assertThat(headers)
                .as("the sample respells headers")
                .anyMatch(h -> h.get("outcome").equals("unknown"))
                .anyMatch(h -> h.get("outcome").equals("variant"));
        for (Map<String, String> header : headers) {
            String written = header.get("header");
            if (header.get("outcome").equals("unknown")) {
                assertThat(findings)
                        .as("an unknown_header warning for '%s' in %s", written, header.get("street"))
                        .anySatisfy(f -> {
                            assertThat(f.path("kind").asText()).isEqualTo("unknown_header");
                            assertThat(f.path("value").asText()).isEqualTo(written);
                            assertThat(f.path("location").asText()).startsWith(header.get("street") + "/");
                        });
            } else {
                assertThat(findings)
                        .as("'%s' is read as %s", written, header.get("field"))
                        .noneMatch(f -> f.path("value").asText().equals(written)
                                && List.of("unknown_header", "ambiguous_header")
                                        .contains(f.path("kind").asText()));
            }
        }
    }

    /** Each category outside the taxonomy is a warning with its staged rows and their money. */
    private static void assertCategoriesNamed(JsonNode summary, List<Map<String, String>> contracts) {
        Map<String, long[]> rows = new TreeMap<>();
        Map<String, BigDecimal> money = new TreeMap<>();
        for (Map<String, String> c : contracts) {
            if (c.get("category_outcome").equals("other") && c.get("outcome").equals("staged")) {
                rows.computeIfAbsent(c.get("category"), k -> new long[1])[0]++;
                money.merge(c.get("category"), new BigDecimal(c.get("amount_yuan")), BigDecimal::add);
            }
        }
        assertThat(rows).as("staged rows with a novel category").isNotEmpty();
        List<JsonNode> unmapped = new ArrayList<>();
        summary.path("source_findings").forEach(f -> {
            if (f.path("kind").asText().equals("unmapped_value")) {
                unmapped.add(f);
            }
        });
        for (String category : rows.keySet()) {
            List<JsonNode> named = unmapped.stream()
                    .filter(f -> f.path("value").asText().equals(category))
                    .toList();
            assertThat(named).as("unmapped_value findings naming %s", category).isNotEmpty();
            assertThat(named.stream().mapToLong(f -> f.path("rows").asLong()).sum())
                    .as("rows of %s", category)
                    .isEqualTo(rows.get(category)[0]);
            assertThat(named.stream()
                            .map(f -> new BigDecimal(f.path("amount").asText()))
                            .reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("money of %s", category)
                    .isEqualByComparingTo(money.get(category));
        }
    }

    /** The open quarantine holds each quarantined ledger row with the truth's rule, file, sheet and line. */
    private void assertQuarantinedAsTheTruthSays(List<Map<String, String>> contracts) throws Exception {
        Path export = home.resolve("open.csv");
        assertThat(ShequMain.execute(
                        "quarantine",
                        "export",
                        "--home",
                        home.toString(),
                        "--all-open",
                        "--format",
                        "csv",
                        "--out",
                        export.toString()))
                .isZero();
        String text = Files.readString(export, StandardCharsets.UTF_8);
        Set<String> quarantined = new TreeSet<>();
        try (CSVParser parser = CSVParser.parse(
                new StringReader(text.replaceFirst("^\uFEFF", "")),
                CSVFormat.RFC4180.builder().setHeader().build())) {
            for (CSVRecord r : parser) {
                if (r.get("source").equals("procurement_ledgers")) {
                    quarantined.add(
                            r.get("location") + " " + r.get("sheet") + ":" + r.get("line") + " " + r.get("rule"));
                }
            }
        }
        Set<String> expected = contracts.stream()
                .filter(c -> c.get("outcome").equals("quarantined"))
                .map(c -> c.get("file").substring("procurement/".length()) + " " + c.get("sheet") + ":" + c.get("line")
                        + " " + c.get("rule"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(expected)
                .as("the sample quarantines implausible dates")
                .anyMatch(e -> e.endsWith("implausible_date"));
        assertThat(quarantined)
                .as("quarantined ledger rows by file, sheet, line and rule")
                .isEqualTo(expected);
    }

    /** The hidden file and both links are in the summary and the manifest, each refused with its rule. */
    private static void assertStrayEntriesAccountedFor(
            PipelineRuntime runtime, String runId, JsonNode summary, List<Map<String, String>> strays)
            throws Exception {
        Map<String, String> refused = new HashMap<>();
        for (JsonNode file : summary.path("files_quarantined_whole")) {
            refused.put(
                    file.path("source").asText() + "|" + file.path("location").asText(),
                    file.path("rule").asText());
        }
        Set<String> manifest = new HashSet<>();
        try (Connection c = runtime.dataSource().getConnection();
                var statement =
                        c.prepareStatement("SELECT source, location FROM shequ_landing_manifest WHERE run_id = ?")) {
            statement.setString(1, runId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    manifest.add(rs.getString(1) + "|" + rs.getString(2));
                }
            }
        }
        assertThat(strays).hasSize(3);
        for (Map<String, String> stray : strays) {
            String key = "procurement_ledgers|" + stray.get("entry").substring("procurement/".length());
            assertThat(refused)
                    .as("the summary refuses the %s", stray.get("what"))
                    .containsEntry(key, stray.get("rule"));
            assertThat(manifest)
                    .as("the manifest lists the %s", stray.get("what"))
                    .contains(key);
        }
    }

    private static Set<String> projects(List<Map<String, String>> contracts) {
        return contracts.stream()
                .filter(c -> c.get("outcome").equals("staged"))
                .map(c -> c.get("project_no"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> lakeProjects(PipelineRuntime.Outcome run) throws Exception {
        LakeSnapshot lake = LakeSnapshot.read(run.summary().resolveSibling("lake-snapshot.json"));
        Set<String> projects = new TreeSet<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement();
                ResultSet rows = sql.executeQuery("SELECT DISTINCT project_no FROM read_parquet("
                        + lake.table("fct_service_contracts").orElseThrow().dataFiles().stream()
                                .map(f -> "'" + f.replaceFirst("^file:", "") + "'")
                                .collect(Collectors.joining(", ", "[", "]"))
                        + ", union_by_name = true)")) {
            while (rows.next()) {
                projects.add(rows.getString(1));
            }
        }
        return projects;
    }

    private Set<String> publishedProjects() throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Set<String> projects = new TreeSet<>();
        try (Connection duckdb = DriverManager.getConnection(
                        "jdbc:duckdb:" + new WarehousePublisher(home).current().orElseThrow(), readOnly);
                Statement sql = duckdb.createStatement();
                ResultSet rows = sql.executeQuery("SELECT DISTINCT project_no FROM fct_service_contracts")) {
            while (rows.next()) {
                projects.add(rows.getString(1));
            }
        }
        return projects;
    }

    /** Copies every regular file under {@code from} to the same relative path under {@code to}. */
    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static List<Map<String, String>> records(Path file) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord r : GroundTruthCsv.read(file)) {
            rows.add(r.toMap());
        }
        return rows;
    }
}
