package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.division.DivisionCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mess kinds the pipeline was never shown: off at every level (the demo's files do not change),
 * and where a rate is set, written as the ground truth says.
 */
class NovelMessTest {

    private static final Novelties NOVEL =
            new Novelties(List.of("办结"), List.of("（件）"), List.of("联系电话"), List.of("心理健康服务"));

    @TempDir
    Path out;

    @Test
    void offAtEveryLevelSoTheDemoDoesNotChange() throws Exception {
        SimulationSpec demo = SimulationSpec.demo(DivisionCode.parse("370103"), 2023, 7)
                .withMonths(1)
                .withContracts(12);
        SourceSimulator.generate(demo, out.resolve("plain"));
        SourceSimulator.generate(demo.withNovelties(NOVEL), out.resolve("novel"));
        for (Mess.Level level : Mess.Level.values()) {
            assertThat(Mess.level(level).rate(MessKind.NOVEL_CATEGORIES)).isZero();
            assertThat(Mess.level(level).rate(MessKind.STRAY_ENTRIES)).isZero();
        }
        for (String file : List.of(
                "ground-truth/contracts.csv",
                "ground-truth/report-rows.csv",
                "ground-truth/files.csv",
                "ground-truth/grid-events.csv")) {
            assertThat(out.resolve("novel").resolve(file))
                    .as(file)
                    .hasSameBinaryContentAs(out.resolve("plain").resolve(file));
        }
        assertThat(out.resolve("novel/resent")).doesNotExist();
        assertThat(out.resolve("novel/ground-truth/stray-entries.csv")).doesNotExist();
    }

    @Test
    void ledgerMessIsWrittenWhereTheTruthSays() throws Exception {
        Mess mess = Mess.none()
                .with(MessKind.NOVEL_CATEGORIES, 0.5)
                .with(MessKind.IMPLAUSIBLE_DATES, 0.3)
                .with(MessKind.LEDGER_SHEETS, 1)
                .with(MessKind.MULTI_ROW_HEADER, 1)
                .with(MessKind.LEDGER_RESENT, 1)
                .with(MessKind.STRAY_ENTRIES, 1);
        SimulationResult result = SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse("370103"), 2023, 5)
                        .withMonths(1)
                        .withContracts(20)
                        .withMess(mess)
                        .withNovelties(NOVEL),
                out);
        List<Map<String, String>> truth =
                LedgerCells.truth(result.groundTruthFolder().resolve("contracts.csv"));
        Path ledger = out.resolve(truth.get(0).get("file"));
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(ledger))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            DataFormatter format = new DataFormatter();
            for (Map<String, String> row : truth) {
                var sheetRow = book.getSheet(row.get("sheet")).getRow(Integer.parseInt(row.get("line")) - 1);
                assertThat(format.formatCellValue(sheetRow.getCell(0)))
                        .as("project no. on its line")
                        .isEqualTo(row.get("project_no"));
                if (!row.get("signed_written").isEmpty()) {
                    assertThat(format.formatCellValue(sheetRow.getCell(8))).isEqualTo(row.get("signed_written"));
                    assertThat(row.get("rule")).isEqualTo("implausible_date");
                }
                if (row.get("category_outcome").equals("other")) {
                    assertThat(row.get("category")).isEqualTo("心理健康服务");
                }
            }
            assertThat(format.formatCellValue(book.getSheetAt(0).getRow(1).getCell(0)))
                    .isEqualTo("项目信息");
        }
        assertThat(truth)
                .anyMatch(r -> r.get("category_outcome").equals("other"))
                .anyMatch(r -> r.get("rule").equals("implausible_date"));
        List<Map<String, String>> after = LedgerCells.truth(out.resolve("resent/ground-truth/contracts.csv"));
        assertThat(after).hasSize(truth.size() - LedgerResend.REMOVED);
        assertThat(out.resolve("resent").resolve(truth.get(0).get("file"))).isRegularFile();
        assertThat(Files.isSymbolicLink(out.resolve("procurement/归档"))).isTrue();
        assertThat(Files.isSymbolicLink(out.resolve("procurement/共享台账.csv"))).isTrue();
    }
}
