package io.shequ.jobs.admit;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.stage.table.LocatedTable;
import io.shequ.jobs.stage.table.Sheet;
import io.shequ.jobs.stage.table.SheetRow;
import io.shequ.jobs.stage.table.TableFileReader;
import io.shequ.schemas.contract.FieldSpec;
import io.shequ.schemas.contract.HeaderMapping;
import io.shequ.schemas.contract.SourceContract;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export formats: CSV in UTF-8 with a BOM, XLSX with text cells, the fixed columns then each
 * raw header once; and what an engineer saves back is read as corrections of the same rows.
 */
class QuarantineExportTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    @TempDir
    Path dir;

    private static QuarantinedRow report(String line, String households) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("社区名称", "六里山社区");
        raw.put("户数", households);
        raw.put("常住人口", "0012");
        return new QuarantinedRow(
                QuarantineRowId.of("street_office_reports", SHA_A, "Sheet1", line),
                "run1",
                "street_office_reports",
                "六里山街道/2023年11月.xlsx",
                SHA_A,
                "Sheet1",
                line,
                "households",
                "not_a_number",
                "户数 'abc' is not a number",
                raw);
    }

    private static QuarantinedRow ledger() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("项目编号", "SQ-2023-001");
        raw.put("统一社会信用代码", "52370103MJD000000X");
        return new QuarantinedRow(
                QuarantineRowId.of("procurement_ledgers", SHA_B, "台账.csv", "7"),
                "run1",
                "procurement_ledgers",
                "台账.csv",
                SHA_B,
                "台账.csv",
                "7",
                "provider_credit_code",
                "invalid_credit_code",
                "统一社会信用代码 fails the check",
                raw);
    }

    @Test
    void csvStartsWithABomAndHasTheFixedColumnsThenEveryRawHeaderOnce() throws Exception {
        Path out = dir.resolve("open.csv");
        QuarantineExport.write(
                List.of(report("5", "abc"), ledger(), report("6", "-3")), QuarantineExport.Format.CSV, out);

        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).as("UTF-8 BOM, so Excel reads the Chinese text").startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines =
                new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("quarantine_id,run_id,source,location,file_sha256,sheet,line,column,rule,"
                        + "reason,quarantined_by,社区名称,户数,常住人口,项目编号,统一社会信用代码");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2))
                .as("a ledger row leaves the report headers blank")
                .contains(",stage,,,,SQ-2023-001,52370103MJD000000X");
        assertThat(lines.get(1)).contains(",0012,").contains("户数 'abc' is not a number");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-------");
    }

    @Test
    void xlsxKeepsEveryCellAsText() throws Exception {
        Path out = dir.resolve("open.xlsx");
        QuarantineExport.write(List.of(report("5", "abc"), ledger()), QuarantineExport.Format.XLSX, out);

        try (InputStream in = Files.newInputStream(out);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("quarantine_id");
            var population = sheet.getRow(1).getCell(13);
            assertThat(population.getCellType())
                    .as("0012 stays text, not the number 12")
                    .isEqualTo(CellType.STRING);
            assertThat(population.getStringCellValue()).isEqualTo("0012");
            assertThat(sheet.getRow(2).getCell(15).getStringCellValue()).isEqualTo("52370103MJD000000X");
        }
        List<Sheet> read = TableFileReader.read(out);
        assertThat(read.get(0).rows()).hasSize(3);
    }

    @Test
    void aCorrectedExportIsReadBackAsCorrectionsOfTheSameRows() throws Exception {
        for (QuarantineExport.Format format : QuarantineExport.Format.values()) {
            Path out = dir.resolve("corrected." + format.name().toLowerCase());
            QuarantinedRow fixed = report("5", "321");
            QuarantinedRow edited = new QuarantinedRow(
                    report("6", "1").quarantineId(),
                    "run1",
                    "street_office_reports",
                    "x.xlsx",
                    SHA_A,
                    "Sheet1",
                    "7",
                    "households",
                    "not_a_number",
                    "r",
                    Map.of("户数", "2"));
            QuarantineExport.write(List.of(fixed, edited, ledger()), format, out);

            AdmitRecord record = AdmitFileReader.read(out, "c".repeat(64), "run2");

            assertThat(record.rows()).isEqualTo(3);
            assertThat(record.corrections())
                    .extracting(Correction::quarantineId)
                    .containsExactly(fixed.quarantineId(), ledger().quarantineId());
            Correction c = record.corrections().get(0);
            assertThat(c.values()).containsEntry("户数", "321").containsEntry("常住人口", "0012");
            assertThat(c.line()).isEqualTo(5);
            assertThat(c.admitLine()).isEqualTo(2);
            assertThat(record.refused()).singleElement().satisfies(r -> {
                assertThat(r.line()).isEqualTo(3);
                assertThat(r.reason())
                        .as(format + ": names the file, line and column")
                        .contains(out.getFileName() + " line 3, column quarantine_id: does not match");
            });
        }
    }

    @Test
    void aRowTheCheckQuarantinedIsExportedByFieldNameAndOnlyItsChangedFieldsGoBackIntoTheirCells() throws Exception {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("community_name", "六里山社区");
        typed.put("households", "812");
        typed.put("resident_population", "2400");
        typed.put("period", "2023-11");
        QuarantinedRow checked = new QuarantinedRow(
                QuarantineRowId.of("street_office_reports", SHA_A, "Sheet1", "9"),
                "run1",
                "street_office_reports",
                "六里山街道/2023年11月.xlsx",
                SHA_A,
                "Sheet1",
                "9",
                "households",
                "ColumnValues \"households\" <= 700",
                "error ColumnValues \"households\" <= 700: households = 812",
                typed,
                QuarantinedRow.BY_CHECK);
        QuarantinedRow stageReject = report("5", "abc");
        Map<String, String> fixedValues = new LinkedHashMap<>(typed);
        fixedValues.put("households", "612");
        QuarantinedRow corrected = new QuarantinedRow(
                checked.quarantineId(),
                "run1",
                checked.source(),
                checked.location(),
                SHA_A,
                "Sheet1",
                "9",
                checked.column(),
                checked.rule(),
                checked.reason(),
                fixedValues,
                QuarantinedRow.BY_CHECK);
        Path out = dir.resolve("mixed.csv");
        QuarantineExport.write(List.of(stageReject, corrected), QuarantineExport.Format.CSV, out);
        assertThat(Files.readString(out).lines().toList().get(2))
                .as("the check's row says so, its fields by name")
                .contains(",check,,,,六里山社区,612,2400,2023-11");

        AdmitRecord read = AdmitFileReader.read(out, "e".repeat(64), "run2");
        AdmitRecord record = Readmission.onlyTheRowsOwnValues(
                read, Map.of(checked.quarantineId(), checked, stageReject.quarantineId(), stageReject));

        Correction fix = record.corrections().stream()
                .filter(Correction::byCheck)
                .findFirst()
                .orElseThrow();
        assertThat(fix.values())
                .as("only what the engineer changed, not the blank cells of other rows' headers "
                        + "nor typed values written back")
                .containsExactly(Map.entry("households", "612"));
        Correction reject = record.corrections().stream()
                .filter(c -> !c.byCheck())
                .findFirst()
                .orElseThrow();
        assertThat(reject.values())
                .as("a staging reject keeps its own file's headers only")
                .containsOnlyKeys("社区名称", "户数", "常住人口");

        SourceContract contract = SourceContract.load(SourceContract.STREET_OFFICE_REPORT);
        SortedMap<Integer, FieldSpec> columns = new TreeMap<>();
        columns.put(0, contract.field("community_name").orElseThrow());
        columns.put(2, contract.field("households").orElseThrow());
        var table = new LocatedTable(
                "Sheet1",
                null,
                new SheetRow(3, List.of("社区名称", "备注", "总户数")),
                1,
                new HeaderMapping(columns, List.of()),
                List.of(new SheetRow(9, List.of("六里山社区", "—", "812"))),
                0);
        assertThat(CorrectedRows.correctedFields(table, table.dataRows().get(0), fix)
                        .cells())
                .as("the corrected value goes into the column the file holds households in")
                .containsExactly("六里山社区", "—", "612");
    }

    /** A report row whose cells (and one header) are the classic CSV-injection payloads and values that look like them. */
    private static QuarantinedRow hostile() {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < FormulaGuardTest.PAYLOADS.size(); i++) {
            raw.put("payload_" + i, FormulaGuardTest.PAYLOADS.get(i));
        }
        raw.put("户数", "-5");
        raw.put("备注", "'abc");
        raw.put("常住人口", "'=1+1");
        raw.put("=HEADER()", "12");
        return new QuarantinedRow(
                QuarantineRowId.of("street_office_reports", SHA_A, "Sheet1", "8"),
                "run1",
                "street_office_reports",
                "@六里山街道/2023年11月.xlsx",
                SHA_A,
                "Sheet1",
                "8",
                "households",
                "negative_value",
                "-5 is negative",
                raw);
    }

    @Test
    void csvCellsAFormulaCouldStartWithAreQuotedOnExport() throws Exception {
        Path out = dir.resolve("hostile.csv");
        QuarantineExport.write(List.of(hostile()), QuarantineExport.Format.CSV, out);

        String text = Files.readString(out, StandardCharsets.UTF_8).substring(1);
        List<String> cells;
        try (var parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
            var records = parser.getRecords();
            assertThat(records.get(0).toList())
                    .as("a header is quoted like any cell")
                    .contains("'=HEADER()");
            cells = records.get(1).toList();
        }
        for (String payload : FormulaGuardTest.PAYLOADS) {
            assertThat(cells).as("%s", payload).contains("'" + payload).doesNotContain(payload);
        }
        assertThat(cells)
                .as("location, reason and values: every cell")
                .contains("'@六里山街道/2023年11月.xlsx", "'-5 is negative", "'-5", "''abc", "''=1+1", "12");
        assertThat(cells.stream().filter(c -> !c.isEmpty()).map(c -> c.charAt(0)))
                .as("no cell starts with a character a spreadsheet would evaluate")
                .doesNotContain('=', '+', '-', '@', '\t', '\r');
    }

    @Test
    void aQuotedCsvExportIsReadBackExactlyAsExportedAndXlsxStaysTextUnquoted() throws Exception {
        QuarantinedRow hostile = hostile();
        for (QuarantineExport.Format format : QuarantineExport.Format.values()) {
            Path out = dir.resolve("round-trip." + format.name().toLowerCase());
            QuarantineExport.write(List.of(hostile), format, out);

            AdmitRecord record = AdmitFileReader.read(out, "f".repeat(64), "run2");

            assertThat(record.refused())
                    .as(format + ": the identifying columns read back intact")
                    .isEmpty();
            assertThat(record.corrections())
                    .singleElement()
                    .satisfies(c -> assertThat(c.values())
                            .as(format + ": every cell, payloads, -5 and 'abc among them, exactly as exported")
                            .isEqualTo(hostile.raw()));
        }
        try (InputStream in = Files.newInputStream(dir.resolve("round-trip.xlsx"));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var row = workbook.getSheetAt(0).getRow(1);
            for (int c = 0; c < row.getLastCellNum(); c++) {
                assertThat(row.getCell(c).getCellType())
                        .as("cell %d is text, never a formula", c)
                        .isEqualTo(CellType.STRING);
            }
            assertThat(row.getCell(11).getStringCellValue())
                    .as("a text cell needs no quote")
                    .isEqualTo(FormulaGuardTest.PAYLOADS.get(0));
        }
    }

    @Test
    void anAdmitFileWithoutTheIdentifyingColumnsIsRefusedNamingTheColumn() throws Exception {
        Path file = dir.resolve("hand-made.csv");
        Files.writeString(file, "户数,line\n12,5\n");

        AdmitRecord record = AdmitFileReader.read(file, "d".repeat(64), "run2");

        assertThat(record.corrections()).isEmpty();
        assertThat(record.rows()).isEqualTo(1);
        assertThat(record.refused())
                .singleElement()
                .extracting(AdmitRecord.Refusal::reason)
                .asString()
                .contains("hand-made.csv line 1: no column 'quarantine_id'");
    }

    @Test
    void theRowIdIsStableAndDependsOnTheBytes() {
        assertThat(QuarantineRowId.of("street_office_reports", SHA_A, "Sheet1", "5"))
                .isEqualTo(QuarantineRowId.of("street_office_reports", SHA_A, "Sheet1", "5"))
                .isNotEqualTo(QuarantineRowId.of("street_office_reports", SHA_B, "Sheet1", "5"))
                .isNotEqualTo(QuarantineRowId.of("street_office_reports", SHA_A, "Sheet1", "6"))
                .matches("q[0-9a-f]{16}");
    }
}
