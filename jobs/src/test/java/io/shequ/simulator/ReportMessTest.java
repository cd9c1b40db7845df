package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shequ.jobs.stage.report.ReportIdentity;
import io.shequ.jobs.stage.table.ContractTableLocator;
import io.shequ.jobs.stage.table.LocatedTable;
import io.shequ.jobs.stage.table.SheetRow;
import io.shequ.jobs.stage.table.TableFileReader;
import io.shequ.schemas.contract.FieldSpec;
import io.shequ.schemas.contract.FieldType;
import io.shequ.schemas.contract.RejectRule;
import io.shequ.schemas.contract.SourceContract;
import io.shequ.schemas.value.CellNumber;
import io.shequ.schemas.value.ParsedNumber;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Street-office report mess at heavy rates: every kind appears at about its rate, and each file and
 * row is exactly what files.csv and report-rows.csv say, read back with the staging's own readers
 * (table locator, report identity, cell parsers) rather than the simulator's.
 */
class ReportMessTest {

    private static final SourceContract CONTRACT = SourceContract.load(SourceContract.STREET_OFFICE_REPORT);
    private static final Mess MESS = SampleFiles.HEAVY_REPORT_MESS;
    private static final SimulationSpec SPEC = SampleFiles.HEAVY_REPORTS;

    @TempDir
    static Path out;

    private static List<Map<String, String>> files;
    private static List<Map<String, String>> rows;

    @BeforeAll
    static void simulate() throws Exception {
        SimulationResult result = SourceSimulator.generate(SPEC, out);
        files = SampleFiles.groundTruth(result.groundTruthFolder().resolve("files.csv")).stream()
                .filter(f -> f.get("kind").equals("report"))
                .toList();
        rows = SampleFiles.groundTruth(result.groundTruthFolder().resolve("report-rows.csv"));
        assertThat(files).hasSize(result.reportFiles());
        assertThat(rows).hasSize(result.reportRows());
    }

    @Test
    void everyReportMessKindAppears() {
        Set<String> fileKinds = files.stream().flatMap(f -> kinds(f).stream()).collect(Collectors.toSet());
        Set<String> rowKinds = rows.stream().flatMap(r -> kinds(r).stream()).collect(Collectors.toSet());
        for (MessKind kind : List.of(
                MessKind.REPORT_CSV,
                MessKind.QUARTERLY_REPORTS,
                MessKind.IDENTITY_ELSEWHERE,
                MessKind.EXTRA_SHEET,
                MessKind.HEADER_ALIASES,
                MessKind.RESUBMISSION,
                MessKind.DUPLICATE_FILE,
                MessKind.UNREADABLE_FILE,
                MessKind.UNIDENTIFIABLE_FILE)) {
            assertThat(fileKinds).as("file mess %s", kind).contains(kind.option());
        }
        for (MessKind kind : List.of(
                MessKind.FULL_WIDTH,
                MessKind.THOUSANDS_SEPARATOR,
                MessKind.UNIT_IN_CELL,
                MessKind.APPROXIMATE,
                MessKind.PLACEHOLDER,
                MessKind.NAME_VARIANT,
                MessKind.BAD_VALUE)) {
            assertThat(rowKinds).as("row mess %s", kind).contains(kind.option());
        }
    }

    @Test
    void rowAndCellKindsComeAtTheirRates() {
        double n = rows.size();
        assertThat(count(rows, MessKind.NAME_VARIANT) / n)
                .as("name variants per row")
                .isCloseTo(MESS.rate(MessKind.NAME_VARIANT), within(0.05));
        assertThat(count(rows, MessKind.BAD_VALUE) / n)
                .as("bad values per row")
                .isCloseTo(MESS.rate(MessKind.BAD_VALUE), within(0.025));
        int cells = ReportColumns.FIELDS.size();
        for (MessKind kind :
                List.of(MessKind.PLACEHOLDER, MessKind.FULL_WIDTH, MessKind.UNIT_IN_CELL, MessKind.APPROXIMATE)) {
            // a row carries a cell kind when any of its cells does (placeholders first, so a little less for the rest)
            double expected = 1 - Math.pow(1 - MESS.rate(kind), cells);
            assertThat(count(rows, kind) / n).as("rows with %s", kind).isCloseTo(expected, within(expected * 0.25));
        }
        long csvStreets = files.stream()
                .filter(f -> kinds(f).contains("report-csv"))
                .map(f -> f.get("street_code"))
                .distinct()
                .count();
        long streets = files.stream().map(f -> f.get("street_code")).distinct().count();
        assertThat(csvStreets).as("CSV streets of 17 at 0.5").isBetween(3L, 14L);
        assertThat(streets).isEqualTo(17);
    }

    @Test
    void filesAreWhatFilesCsvSays() throws Exception {
        Map<String, Map<String, String>> byFile = files.stream().collect(Collectors.toMap(f -> f.get("file"), f -> f));
        for (Map<String, String> f : files) {
            Path file = out.resolve(f.get("file"));
            String location = f.get("file").substring(ReportWriter.FOLDER.length() + 1);
            Set<String> kinds = kinds(f);
            assertThat(f.get("file").endsWith(".csv")).as("%s csv", location).isEqualTo(kinds.contains("report-csv"));
            assertThat(f.get("period").contains("Q"))
                    .as("%s quarterly", location)
                    .isEqualTo(kinds.contains("quarterly-reports"));
            switch (f.get("outcome")) {
                case "duplicate" ->
                    assertThat(Files.readAllBytes(file))
                            .as("%s same bytes", location)
                            .isEqualTo(Files.readAllBytes(out.resolve(f.get("related"))));
                case "quarantined" ->
                    assertThat(rejection(file, location))
                            .as("%s whole-file rule", location)
                            .isEqualTo(f.get("rule"));
                default -> {
                    LocatedTable table = table(file);
                    ReportIdentity id = ReportIdentity.of(location, table.title());
                    assertThat(id.period().label()).as("%s period", location).isEqualTo(f.get("period"));
                    assertThat(table.dataRows()).as("%s rows", location).hasSize(Integer.parseInt(f.get("rows")));
                    boolean canonical = table.header()
                            .cells()
                            .subList(0, ReportColumns.HEADER.size())
                            .equals(ReportColumns.HEADER);
                    assertThat(canonical)
                            .as("%s header aliases", location)
                            .isEqualTo(!kinds.contains("header-aliases"));
                    if (f.get("file").endsWith(".xlsx")) {
                        assertThat(firstSheet(file).equals(ReportWriter.INSTRUCTIONS_SHEET))
                                .as("%s extra sheet", location)
                                .isEqualTo(kinds.contains("extra-sheet"));
                    }
                    String name = location.substring(location.lastIndexOf('/') + 1);
                    boolean nameSaysAll = name.contains(id.streetHint())
                            && name.contains(f.get("period").substring(0, 4) + "年");
                    if (kinds.contains("identity-elsewhere")) {
                        assertThat(nameSaysAll)
                                .as("%s: the name does not say the office and period", location)
                                .isFalse();
                    }
                    if (f.get("outcome").equals("superseded")) {
                        Map<String, String> corrected = byFile.get(f.get("related"));
                        assertThat(corrected.get("street_code") + corrected.get("period"))
                                .isEqualTo(f.get("street_code") + f.get("period"));
                        assertThat(Files.getLastModifiedTime(out.resolve(f.get("related"))))
                                .as("the correction of %s is modified later", location)
                                .isGreaterThan(Files.getLastModifiedTime(file));
                    }
                }
            }
        }
        assertThat(files.stream().map(f -> f.get("outcome")).collect(Collectors.toSet()))
                .contains("loaded", "superseded", "duplicate", "quarantined");
    }

    @Test
    void everyRowReadsBackToItsCleanValuesOrItsRule() throws Exception {
        Map<String, LocatedTable> tables = new HashMap<>();
        for (Map<String, String> row : rows) {
            LocatedTable table = tables.computeIfAbsent(row.get("file"), f -> {
                try {
                    return table(out.resolve(f));
                } catch (Exception e) {
                    throw new IllegalStateException(f, e);
                }
            });
            int line = Integer.parseInt(row.get("line"));
            SheetRow sheetRow = table.dataRows().stream()
                    .filter(r -> r.line() == line)
                    .findFirst()
                    .orElseThrow();
            String what = row.get("file") + " line " + line;
            assertThat(table.raw(sheetRow, "community_name").strip()).as(what).isEqualTo(row.get("community_name"));
            List<String> nulls = list(row.get("null_fields"));
            List<String> approximate = list(row.get("approximate_fields"));
            if (row.get("outcome").equals("quarantined") && row.get("field").isEmpty()) {
                assertThat(row.get("rule"))
                        .as("%s: a whole-file reject", what)
                        .isIn("unknown_street_office", "unknown_period");
                continue;
            }
            RejectRule rejected = null;
            for (String field : ReportColumns.FIELDS) {
                FieldSpec spec = CONTRACT.field(field).orElseThrow();
                String raw = table.raw(sheetRow, field);
                ParsedNumber parsed =
                        spec.type() == FieldType.AREA ? CellNumber.parseArea(raw) : CellNumber.parseCount(raw);
                if (field.equals(row.get("field"))) {
                    rejected = !parsed.isValue()
                            ? (CellNumber.parse(raw).isValue() ? RejectRule.NEGATIVE_VALUE : RejectRule.NOT_A_NUMBER)
                            : spec.withinBounds(parsed.value()) ? null : RejectRule.OUT_OF_RANGE;
                    continue;
                }
                if (nulls.contains(field)) {
                    assertThat(parsed.outcome())
                            .as("%s %s '%s' is a placeholder", what, field, raw)
                            .isEqualTo(ParsedNumber.Outcome.NULL_PLACEHOLDER);
                    assertThat(row.get(field)).isEmpty();
                } else {
                    assertThat(parsed.isValue())
                            .as("%s %s '%s' reads", what, field, raw)
                            .isTrue();
                    assertThat(parsed.value())
                            .as("%s %s '%s'", what, field, raw)
                            .isEqualByComparingTo(new BigDecimal(row.get(field)));
                    assertThat(spec.withinBounds(parsed.value()))
                            .as("%s %s in bounds", what, field)
                            .isTrue();
                    assertThat(parsed.isApproximate())
                            .as("%s %s '%s' approximate", what, field, raw)
                            .isEqualTo(approximate.contains(field));
                }
            }
            if (row.get("field").isEmpty()) {
                assertThat(row.get("outcome")).as(what).isEqualTo("staged");
                assertThat(row.get("rule")).as(what).isEmpty();
            } else {
                assertThat(row.get("outcome")).isEqualTo("quarantined");
                assertThat(rejected).as("%s %s", what, row.get("field")).isNotNull();
                assertThat(rejected.code()).as(what).isEqualTo(row.get("rule"));
            }
        }
        assertThat(rows.stream().map(r -> r.get("rule")).collect(Collectors.toSet()))
                .contains("negative_value", "not_a_number", "out_of_range");
    }

    private static String rejection(Path file, String location) {
        try {
            LocatedTable table = table(file);
            ReportIdentity.of(location, table.title());
            return "none";
        } catch (ContractTableLocator.TableNotFound e) {
            return e.rule().code();
        } catch (ReportIdentity.Unknown e) {
            return e.rule().code();
        } catch (IOException e) {
            return RejectRule.UNREADABLE_FILE.code();
        }
    }

    private static LocatedTable table(Path file) throws IOException, ContractTableLocator.TableNotFound {
        return new ContractTableLocator(CONTRACT)
                .locateAll(TableFileReader.read(file), "community_name")
                .tables()
                .get(0);
    }

    private static String firstSheet(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file);
                Workbook workbook = WorkbookFactory.create(in)) {
            return workbook.getSheetName(0);
        }
    }

    private static long count(List<Map<String, String>> rows, MessKind kind) {
        return rows.stream().filter(r -> kinds(r).contains(kind.option())).count();
    }

    private static Set<String> kinds(Map<String, String> row) {
        return Set.copyOf(list(row.get("mess")));
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }
}
