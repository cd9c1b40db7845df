package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.orchestration.cli.DemoCommand;
import io.shequ.orchestration.cli.ShequMain;
import io.shequ.orchestration.config.ConfigReader;
import io.shequ.orchestration.runtime.PipelineRuntime;
import io.shequ.schemas.code.CreditCode;
import io.shequ.schemas.contract.FieldSpec;
import io.shequ.schemas.contract.SourceContract;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.simulator.Mess;
import io.shequ.simulator.MessKind;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import io.shequ.warehouse.WarehousePublisher;
import java.io.StringReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-admission over three runs on the real pipeline: run 1 quarantines bad report and ledger rows in
 * staging, and staged report rows that a check-step row rule (a test rule in the user's rule folder)
 * takes out; they are exported, two staging rejects, a ledger row and a checked row are corrected
 * properly, one staging reject wrongly and one checked row so that it passes staging but still fails
 * the check rule, and the file is dropped into the admit folder. Run 2 stages the corrections: exactly
 * the proper ones are re-admitted and reach the facts and the indicators' lineage with the corrected
 * values, once each, and the admission register says the same; the wrong ones are back in quarantine
 * with their reasons (the check rule's name for the checked row) and still open. Run 3
 * sees the same bytes dropped again: not processed again, nothing re-admitted twice, and the
 * corrections still hold.
 */
class ReadmissionIT {

    private static final String DISTRICT = "370103";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VALUE_RULES = Set.of("not_a_number", "negative_value", "out_of_range");
    /** A check-step row rule that every report on line 3 with more than 600 households fails. */
    private static final String CHECK_RULE = "ColumnValues \"households\" <= 600 where \"source_line = 3\"";

    @TempDir
    Path home;

    @Test
    void correctedRowsAreReadmittedOnceAndAWrongCorrectionGoesBackToQuarantine() throws Exception {
        SimulationResult sample = SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse(DISTRICT), 2023, 31)
                        .withMonths(1)
                        .withEventsPerCommunity(2)
                        .withContracts(8)
                        .withMess(Mess.none().with(MessKind.BAD_VALUE, 0.05).with(MessKind.BAD_LEDGER_ROW, 0.4)),
                home.resolve("sources"));
        Path config = DemoCommand.writeConfig(home, DISTRICT, sample);
        Files.writeString(config, Files.readString(config) + "reference:\n  dq-rules: rules\n");
        Path rules = home.resolve("rules/staged/community_reports.error.dqdl");
        Files.createDirectories(rules.getParent());
        try (var bundled = getClass().getClassLoader().getResourceAsStream("dq/staged/community_reports.error.dqdl")) {
            String shipped = new String(bundled.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(
                    rules,
                    shipped.replace("IsComplete \"source_file\"", "IsComplete \"source_file\",\n    " + CHECK_RULE));
        }
        assertThat(Files.readString(rules)).contains(CHECK_RULE);
        try (PipelineRuntime runtime = new PipelineRuntime(ConfigReader.read(config))) {
            PipelineRuntime.Outcome run1 = runtime.runOnce();
            assertThat(run1.exitCode()).isZero();
            JsonNode summary1 = JSON.readTree(run1.summary().toFile());

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
            Exported open1 = Exported.read(export);
            // not on line 3: corrected, they would fail the check rule
            List<Map<String, String>> reportRows = open1.rows.stream()
                    .filter(r -> r.get("source").equals("street_office_reports")
                            && VALUE_RULES.contains(r.get("rule"))
                            && !r.get("line").equals("3"))
                    .toList();
            List<Map<String, String>> checkedRows = open1.rows.stream()
                    .filter(r -> r.get("quarantined_by").equals("check"))
                    .toList();
            assertThat(checkedRows)
                    .as("the check rule took line-3 reports out")
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(r -> {
                        assertThat(r.get("rule")).isEqualTo(CHECK_RULE);
                        assertThat(r.get("line")).isEqualTo("3");
                        assertThat(r.get("reason")).contains("households = " + r.get("households"));
                        assertThat(r.get("community_name"))
                                .as("the typed row's fields by name")
                                .isNotEmpty();
                    });
            List<Map<String, String>> ledgerRows = open1.rows.stream()
                    .filter(r -> r.get("rule").equals("invalid_credit_code"))
                    .toList();
            assertThat(reportRows)
                    .as("the sample has bad report values to correct")
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(ledgerRows)
                    .as("the sample has invalid credit codes to correct")
                    .isNotEmpty();

            SourceContract reports = SourceContract.load(SourceContract.STREET_OFFICE_REPORT);
            // proper corrections lie within every report field's bounds (fulltime_staff and social_workers
            // allow at most 500, social_orgs and consult_platforms 1000): a larger "correction" fails again
            Map<String, String> fixed1 = correct(reportRows.get(0), reports, "43");
            Map<String, String> fixed2 = correct(reportRows.get(1), reports, "12");
            Map<String, String> stillWrong = correct(reportRows.get(2), reports, "-7");
            Map<String, String> ledgerFixed = correctCreditCode(ledgerRows.get(0));
            Map<String, String> checkedFixed = new LinkedHashMap<>(checkedRows.get(0));
            checkedFixed.put("households", "600");
            Map<String, String> checkedStillFailing = new LinkedHashMap<>(checkedRows.get(1));
            checkedStillFailing.put("households", "601");
            Path admit = home.resolve("admit");
            Files.createDirectories(admit);
            open1.write(
                    admit.resolve("corrected.csv"),
                    List.of(fixed1, fixed2, stillWrong, ledgerFixed, checkedFixed, checkedStillFailing));

            PipelineRuntime.Outcome run2 = runtime.runOnce();
            assertThat(run2.exitCode()).isZero();
            JsonNode summary2 = JSON.readTree(run2.summary().toFile());
            JsonNode readmission = summary2.path("readmission");
            assertThat(readmission.path("rows_readmitted").asInt())
                    .as("the four proper corrections: %s", readmission)
                    .isEqualTo(4);
            assertThat(readmission.path("rows_still_failing").asInt()).isEqualTo(2);
            assertThat(readmission.path("still_failing").findValuesAsText("quarantine_id"))
                    .as("one fails staging, " + "one passes staging but fails the check step")
                    .containsExactlyInAnyOrder(
                            stillWrong.get("quarantine_id"), checkedStillFailing.get("quarantine_id"));
            assertThat(readmission.path("readmitted").findValuesAsText("quarantine_id"))
                    .containsExactlyInAnyOrder(
                            fixed1.get("quarantine_id"),
                            fixed2.get("quarantine_id"),
                            ledgerFixed.get("quarantine_id"),
                            checkedFixed.get("quarantine_id"));
            assertThat(readmission.path("admit_files").get(0).path("rows").asInt())
                    .isEqualTo(6);
            assertThat(registerReadmitted())
                    .as("the admission register agrees with the summary, once each")
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            fixed1.get("quarantine_id"),
                            run2.runId(),
                            fixed2.get("quarantine_id"),
                            run2.runId(),
                            ledgerFixed.get("quarantine_id"),
                            run2.runId(),
                            checkedFixed.get("quarantine_id"),
                            run2.runId()));
            assertThat(admit.resolve("corrected.csv"))
                    .as("processed files move to done/")
                    .doesNotExist();
            Path done = admit.resolve("done");
            try (Stream<Path> files = Files.walk(done)) {
                assertThat(files.filter(Files::isRegularFile)
                                .map(p -> p.getFileName().toString()))
                        .containsExactly("corrected.csv");
            }

            // per source file: the same rows read, three fewer quarantined report rows and one fewer ledger row
            assertThat(total(summary2, "street_office_reports", "rowsRead"))
                    .isEqualTo(total(summary1, "street_office_reports", "rowsRead"));
            assertThat(total(summary2, "street_office_reports", "rowsQuarantined"))
                    .isEqualTo(total(summary1, "street_office_reports", "rowsQuarantined") - 3);
            assertThat(total(summary2, "street_office_reports", "rowsStaged"))
                    .isEqualTo(total(summary1, "street_office_reports", "rowsStaged") + 3);
            assertThat(total(summary2, "procurement_ledgers", "rowsQuarantined"))
                    .isEqualTo(total(summary1, "procurement_ledgers", "rowsQuarantined") - 1);
            assertThat(manifestAdmitRow(runtime, run2.runId()))
                    .as("the admit file's own accounting")
                    .containsExactly(6L, 4L, 2L);

            // the still-wrong row is back in quarantine with its reason, and open; the corrected ones are not
            Path again = home.resolve("open-after.csv");
            assertThat(ShequMain.execute(
                            "quarantine",
                            "export",
                            "--home",
                            home.toString(),
                            "--run",
                            run2.runId(),
                            "--format",
                            "csv",
                            "--out",
                            again.toString()))
                    .isZero();
            Map<String, Map<String, String>> run2Rows = Exported.read(again).byId();
            assertThat(run2Rows.get(stillWrong.get("quarantine_id")))
                    .isNotNull()
                    .satisfies(r -> {
                        assertThat(r.get("rule")).isEqualTo("negative_value");
                        assertThat(r.get("reason")).contains("-7");
                    });
            assertThat(run2Rows.get(checkedStillFailing.get("quarantine_id")))
                    .as("back with the check rule's name")
                    .isNotNull()
                    .satisfies(r -> {
                        assertThat(r.get("quarantined_by")).isEqualTo("check");
                        assertThat(r.get("rule")).isEqualTo(CHECK_RULE);
                        assertThat(r.get("reason")).contains("households = 601");
                    });
            assertThat(run2Rows)
                    .doesNotContainKeys(
                            fixed1.get("quarantine_id"),
                            fixed2.get("quarantine_id"),
                            ledgerFixed.get("quarantine_id"),
                            checkedFixed.get("quarantine_id"));
            Path allOpen = home.resolve("all-open.csv");
            assertThat(ShequMain.execute(
                            "quarantine",
                            "export",
                            "--home",
                            home.toString(),
                            "--format",
                            "xlsx",
                            "--out",
                            home.resolve("all-open.xlsx").toString()))
                    .isZero();
            assertThat(ShequMain.execute(
                            "quarantine",
                            "export",
                            "--home",
                            home.toString(),
                            "--all-open",
                            "--format",
                            "csv",
                            "--out",
                            allOpen.toString()))
                    .isZero();
            Map<String, Map<String, String>> open2 = Exported.read(allOpen).byId();
            assertThat(open2.keySet())
                    .as("open: all of run 1's rows but the four re-admitted")
                    .hasSize(open1.rows.size() - 4)
                    .contains(stillWrong.get("quarantine_id"), checkedStillFailing.get("quarantine_id"))
                    .doesNotContain(
                            fixed1.get("quarantine_id"),
                            fixed2.get("quarantine_id"),
                            ledgerFixed.get("quarantine_id"),
                            checkedFixed.get("quarantine_id"));

            Path published = new WarehousePublisher(home).current().orElseThrow();
            assertCorrectedFacts(published, fixed1, fixed2, reports);
            long contracts = count(
                    published,
                    "SELECT COUNT(DISTINCT project_no) FROM fct_service_contracts "
                            + "WHERE source_file = ? AND CAST(source_line AS VARCHAR) = ?",
                    ledgerFixed.get("location"),
                    ledgerFixed.get("line"));
            assertThat(contracts)
                    .as("the corrected ledger row is a contract fact")
                    .isEqualTo(1);
            assertThat(count(
                            published,
                            "SELECT households FROM fct_community_reports WHERE source_file = ? "
                                    + "AND CAST(source_line AS VARCHAR) = ?",
                            checkedFixed.get("location"),
                            checkedFixed.get("line")))
                    .as("the corrected checked row is a fact with the corrected value")
                    .isEqualTo(600);

            // run 3: the same bytes dropped again under another name are not processed again
            Files.copy(
                    done.resolve(readmission
                                    .path("admit_files")
                                    .get(0)
                                    .path("sha256")
                                    .asText())
                            .resolve("corrected.csv"),
                    admit.resolve("corrected-again.csv"));
            PipelineRuntime.Outcome run3 = runtime.runOnce();
            assertThat(run3.exitCode()).isZero();
            JsonNode readmission3 = JSON.readTree(run3.summary().toFile()).path("readmission");
            assertThat(readmission3.path("rows_readmitted").asInt())
                    .as("nothing re-admitted twice")
                    .isZero();
            assertThat(readmission3.path("corrections_carried").asInt())
                    .as("the corrections still apply")
                    .isEqualTo(4);
            assertThat(readmission3.path("rows_still_failing").asInt()).isEqualTo(2);
            assertThat(registerReadmitted()).as("still once each").hasSize(4);
            assertThat(readmission3.path("admit_files").get(0).path("note").asText())
                    .contains("not processed again");
            assertCorrectedFacts(new WarehousePublisher(home).current().orElseThrow(), fixed1, fixed2, reports);
        }
    }

    /** The corrected rows are facts once, with the corrected value, and the indicators' lineage reads them. */
    private static void assertCorrectedFacts(
            Path published, Map<String, String> fixed1, Map<String, String> fixed2, SourceContract reports)
            throws Exception {
        assertThat(count(
                        published,
                        "SELECT COUNT(*) FROM (SELECT community_code, period FROM fct_community_reports "
                                + "GROUP BY 1, 2 HAVING COUNT(*) > 1)"))
                .as("one fact per community and period")
                .isZero();
        for (Map<String, String> fixed : List.of(fixed1, fixed2)) {
            String column = fixed.get("column");
            assertThat(count(
                            published,
                            "SELECT CAST(" + column + " AS BIGINT) FROM fct_community_reports "
                                    + "WHERE source_file = ? AND CAST(source_line AS VARCHAR) = ?",
                            fixed.get("location"),
                            fixed.get("line")))
                    .as("corrected %s of %s line %s", column, fixed.get("location"), fixed.get("line"))
                    .isEqualTo(Long.parseLong(fixed.get(header(fixed, reports))));
            assertThat(count(
                            published,
                            "SELECT COUNT(*) FROM mart_indicator_lineage WHERE fact_table = "
                                    + "'fct_community_reports' AND source LIKE '%' || ? AND CAST(source_row AS VARCHAR) = ?",
                            fixed.get("location"),
                            fixed.get("line")))
                    .as("the corrected row reaches the indicators")
                    .isPositive();
        }
    }

    private static Map<String, String> correct(Map<String, String> row, SourceContract contract, String value) {
        FieldSpec field = contract.field(row.get("column")).orElseThrow();
        if (!value.startsWith("-")) {
            assertThat(field.withinBounds(new BigDecimal(value)))
                    .as("%s within %s's bounds", value, field.name())
                    .isTrue();
        }
        Map<String, String> corrected = new LinkedHashMap<>(row);
        corrected.put(header(row, contract), value);
        return corrected;
    }

    private static Map<String, String> correctCreditCode(Map<String, String> row) {
        Map<String, String> corrected = new LinkedHashMap<>(row);
        String header = header(row, SourceContract.load(SourceContract.PROCUREMENT_LEDGER));
        String first17 = CreditCode.normalize(row.get(header)).substring(0, 17);
        corrected.put(header, first17 + CreditCode.checkCharacter(first17));
        return corrected;
    }

    /** The header this row's file writes the faulty field under. */
    private static String header(Map<String, String> row, SourceContract contract) {
        FieldSpec field = contract.field(row.get("column")).orElseThrow();
        return field.headerSpellings().stream()
                .filter(h -> row.get(h) != null && !row.get(h).isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no header for " + field.name() + " in " + row));
    }

    /** Row id → run, from the admission register's log of re-admitted rows; fails on a row counted twice. */
    private Map<String, String> registerReadmitted() throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(home.resolve("state/admissions/readmitted.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode row = JSON.readTree(line);
                String earlier = rows.put(
                        row.path("quarantine_id").asText(), row.path("run_id").asText());
                assertThat(earlier).as("re-admitted once: %s", line).isNull();
            }
        }
        return rows;
    }

    private static long total(JsonNode summary, String source, String field) {
        long total = 0;
        for (JsonNode s : summary.path("sources")) {
            if (s.path("source").asText().equals(source)) {
                total += s.path(field).asLong();
            }
        }
        return total;
    }

    private static List<Long> manifestAdmitRow(PipelineRuntime runtime, String runId) throws Exception {
        try (Connection c = runtime.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT rows_read, rows_staged, rows_quarantined "
                        + "FROM shequ_landing_manifest WHERE run_id = ? AND source = 'quarantine_admit'")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    private static long count(Path duckdb, String sql, String... parameters) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckdb + ";duckdb.read_only=true");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /** A CSV export as the engineer sees it: its header and rows by column name. */
    private record Exported(List<String> header, List<Map<String, String>> rows) {

        static Exported read(Path csv) throws Exception {
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF");
            try (CSVParser parser = CSVParser.parse(
                    new StringReader(text.substring(1)),
                    CSVFormat.RFC4180.builder().setHeader().build())) {
                List<Map<String, String>> rows = new ArrayList<>();
                for (CSVRecord r : parser) {
                    rows.add(new LinkedHashMap<>(r.toMap()));
                }
                return new Exported(parser.getHeaderNames(), rows);
            }
        }

        Map<String, Map<String, String>> byId() {
            return rows.stream().collect(Collectors.toMap(r -> r.get("quarantine_id"), r -> r));
        }

        void write(Path csv, List<Map<String, String>> corrected) throws Exception {
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180)) {
                w.write('\uFEFF');
                printer.printRecord(header);
                for (Map<String, String> row : corrected) {
                    printer.printRecord(
                            header.stream().map(h -> row.getOrDefault(h, "")).toList());
                }
            }
        }
    }
}
