package io.shequ.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.code.CreditCode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerWriterTest {

    @TempDir
    static Path out;

    private static SimulationResult result;
    private static List<Map<String, String>> truth;
    private static Map<Integer, List<String>> sheet;

    @BeforeAll
    static void simulate() throws Exception {
        result = SourceSimulator.generate(SampleFiles.SMALL, out);
        truth = LedgerCells.truth(result.groundTruthFolder().resolve("contracts.csv"));
        sheet = SampleFiles.sheetRows(result.procurementFolder().resolve("市中区_2023年政府购买服务台账.xlsx"));
    }

    @Test
    void ledgerHasTitleHeaderAndOneRowPerContract() {
        assertThat(sheet.get(1).get(0)).isEqualTo("济南市市中区2023年政府购买服务台账");
        assertThat(sheet.get(2)).isEqualTo(LedgerWriter.HEADER);
        assertThat(truth).hasSize(24).hasSize(result.contracts());
        for (Map<String, String> row : truth) {
            List<String> cells = sheet.get(Integer.parseInt(row.get("line")));
            assertThat(cells.get(0))
                    .as("line %s carries its project number", row.get("line"))
                    .isEqualTo(row.get("project_no"));
            assertThat(cells.get(4)).as("credit code as written").isEqualTo(row.get("provider_credit_code"));
            assertThat(cells.get(6)).as("served communities as written").isEqualTo(row.get("served_written"));
            assertThat(row.get("project_no")).matches("SZ-2023-\\d{3}");
        }
    }

    @Test
    void stagedRowsHaveValidCreditCodesAndAmounts() {
        for (Map<String, String> row :
                truth.stream().filter(r -> r.get("outcome").equals("staged")).toList()) {
            String code = row.get("provider_credit_code");
            assertThat(CreditCode.isValid(code))
                    .as("credit code %s of %s", code, row.get("project_no"))
                    .isTrue();
            assertThat(code).as("a civil-affairs registration in the district").matches("5[123]370103.{10}");
            BigDecimal amount = new BigDecimal(row.get("amount_yuan"));
            assertThat(amount)
                    .as("amount of %s", row.get("project_no"))
                    .isBetween(new BigDecimal("50000"), new BigDecimal("800000"));
            assertThat(sheet.get(Integer.parseInt(row.get("line"))).get(7))
                    .as("written amount")
                    .isNotEqualTo("待定");
        }
    }

    @Test
    void withoutMessEveryRowIsCleanAndStaged() throws Exception {
        assertThat(result.procurementFolder().toFile().list())
                .as("one XLSX ledger, no amendment")
                .containsExactly("市中区_2023年政府购买服务台账.xlsx");
        LedgerCells cells = LedgerCells.read(result.procurementFolder().resolve("市中区_2023年政府购买服务台账.xlsx"));
        for (Map<String, String> row : truth) {
            int line = Integer.parseInt(row.get("line"));
            assertThat(row)
                    .as("forms of %s", row.get("project_no"))
                    .containsEntry("outcome", "staged")
                    .containsEntry("rule", "")
                    .containsEntry("superseded_by", "")
                    .containsEntry("amount_form", "plain")
                    .containsEntry("date_form", "iso")
                    .containsEntry("credit_code_form", "plain")
                    .containsEntry("signed_precision", "day");
            assertThat(row.get("served_form")).isIn("list", "whole_street", "whole_district");
            assertThat(cells.line(line).get(LedgerWriter.AMOUNT_COLUMN).numeric())
                    .as("amount as a number")
                    .isTrue();
            assertThat(new BigDecimal(cells.text(line, LedgerWriter.AMOUNT_COLUMN)))
                    .isEqualByComparingTo(row.get("amount_yuan"));
            assertThat(cells.text(line, LedgerWriter.SIGNED_COLUMN)).isEqualTo(row.get("signed_date"));
        }
    }

    @Test
    void servedCodesMatchTheirLevel() {
        for (Map<String, String> row : truth) {
            String[] codes = row.get("served_codes").split(";");
            switch (row.get("served_level")) {
                case "district" -> assertThat(codes).containsExactly("370103000000");
                case "township" -> {
                    assertThat(row.get("served_written")).isEqualTo("全街道");
                    assertThat(codes).singleElement().asString().matches("370103\\d{3}000");
                    assertThat(sheet.get(Integer.parseInt(row.get("line"))).get(2))
                            .as("bought by a street office")
                            .endsWith("办事处");
                }
                default ->
                    assertThat(codes)
                            .as("1-4 communities")
                            .hasSizeBetween(1, 4)
                            .allMatch(c -> c.matches("370103\\d{3}[0-5]\\d{2}") && !c.endsWith("000"));
            }
            LocalDate signed = LocalDate.parse(row.get("signed_date"));
            LocalDate start = LocalDate.parse(row.get("service_start"));
            LocalDate end = LocalDate.parse(row.get("service_end"));
            assertThat(signed.getYear()).isEqualTo(2023);
            assertThat(start).as("service starts on or after signing").isAfterOrEqualTo(signed);
            assertThat(end).as("6-18 months").isBetween(start.plusMonths(6).minusDays(1), start.plusMonths(18));
        }
    }
}
