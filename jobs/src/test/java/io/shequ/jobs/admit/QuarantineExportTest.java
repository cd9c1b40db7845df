package io.shequ.jobs.admit;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.stage.table.Sheet;
import io.shequ.jobs.stage.table.TableFileReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return new QuarantinedRow(QuarantineRowId.of("street_office_reports", SHA_A, "Sheet1", line), "run1",
                "street_office_reports", "六里山街道/2023年11月.xlsx", SHA_A, "Sheet1", line, "households",
                "not_a_number", "户数 'abc' is not a number", raw);
    }

    private static QuarantinedRow ledger() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("项目编号", "SQ-2023-001");
        raw.put("统一社会信用代码", "52370103MJD000000X");
        return new QuarantinedRow(QuarantineRowId.of("procurement_ledgers", SHA_B, "台账.csv", "7"), "run1",
                "procurement_ledgers", "台账.csv", SHA_B, "台账.csv", "7", "provider_credit_code",
                "invalid_credit_code", "统一社会信用代码 fails the check", raw);
    }

    @Test
    void csvStartsWithABomAndHasTheFixedColumnsThenEveryRawHeaderOnce() throws Exception {
        Path out = dir.resolve("open.csv");
        QuarantineExport.write(List.of(report("5", "abc"), ledger(), report("6", "-3")), QuarantineExport.Format.CSV, out);

        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).as("UTF-8 BOM, so Excel reads the Chinese text").startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("quarantine_id,run_id,source,location,file_sha256,sheet,line,column,rule,"
                + "reason,社区名称,户数,常住人口,项目编号,统一社会信用代码");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).as("a ledger row leaves the report headers blank")
                .contains(",,,,SQ-2023-001,52370103MJD000000X");
        assertThat(lines.get(1)).contains(",0012,").contains("户数 'abc' is not a number");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
    }

    @Test
    void xlsxKeepsEveryCellAsText() throws Exception {
        Path out = dir.resolve("open.xlsx");
        QuarantineExport.write(List.of(report("5", "abc"), ledger()), QuarantineExport.Format.XLSX, out);

        try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("quarantine_id");
            var population = sheet.getRow(1).getCell(12);
            assertThat(population.getCellType()).as("0012 stays text, not the number 12").isEqualTo(CellType.STRING);
            assertThat(population.getStringCellValue()).isEqualTo("0012");
            assertThat(sheet.getRow(2).getCell(14).getStringCellValue()).isEqualTo("52370103MJD000000X");
        }
        List<Sheet> read = TableFileReader.read(out);
        assertThat(read.get(0).rows()).hasSize(3);
    }

    @Test
    void aCorrectedExportIsReadBackAsCorrectionsOfTheSameRows() throws Exception {
        for (QuarantineExport.Format format : QuarantineExport.Format.values()) {
            Path out = dir.resolve("corrected." + format.name().toLowerCase());
            QuarantinedRow fixed = report("5", "321");
            QuarantinedRow edited = new QuarantinedRow(report("6", "1").quarantineId(), "run1", "street_office_reports",
                    "x.xlsx", SHA_A, "Sheet1", "7", "households", "not_a_number", "r", Map.of("户数", "2"));
            QuarantineExport.write(List.of(fixed, edited, ledger()), format, out);

            AdmitRecord record = AdmitFileReader.read(out, "c".repeat(64), "run2");

            assertThat(record.rows()).isEqualTo(3);
            assertThat(record.corrections()).extracting(Correction::quarantineId)
                    .containsExactly(fixed.quarantineId(), ledger().quarantineId());
            Correction c = record.corrections().get(0);
            assertThat(c.values()).containsEntry("户数", "321").containsEntry("常住人口", "0012");
            assertThat(c.line()).isEqualTo(5);
            assertThat(c.admitLine()).isEqualTo(2);
            assertThat(record.refused()).singleElement().satisfies(r -> {
                assertThat(r.line()).isEqualTo(3);
                assertThat(r.reason()).as(format + ": names the file, line and column")
                        .contains(out.getFileName() + " line 3, column quarantine_id: does not match");
            });
        }
    }

    @Test
    void anAdmitFileWithoutTheIdentifyingColumnsIsRefusedNamingTheColumn() throws Exception {
        Path file = dir.resolve("hand-made.csv");
        Files.writeString(file, "户数,line\n12,5\n");

        AdmitRecord record = AdmitFileReader.read(file, "d".repeat(64), "run2");

        assertThat(record.corrections()).isEmpty();
        assertThat(record.rows()).isEqualTo(1);
        assertThat(record.refused()).singleElement().extracting(AdmitRecord.Refusal::reason).asString()
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
