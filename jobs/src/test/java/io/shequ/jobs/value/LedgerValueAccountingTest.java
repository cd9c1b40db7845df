package io.shequ.jobs.value;

import static io.shequ.jobs.stage.LandedFiles.landed;
import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.check.RuleStage;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.stage.LandedFiles;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.TestWorkbook;
import io.shequ.jobs.stage.ledger.ProcurementLedgerStaging;
import io.shequ.schemas.code.CreditCode;
import io.shequ.schemas.contract.SourceContract;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract money of a small ledger, accounted as read, staged and quarantined, against sums worked out by hand. */
class LedgerValueAccountingTest {

    private static final String VALID = "51370103MJD12345" + "6";
    private static final String CODE = VALID + CreditCode.checkCharacter(VALID);
    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = LandedFiles.localSpark();
    }

    private static List<Object> contract(String no, String provider, String amount) {
        return new ArrayList<>(
                List.of(no, "项目" + no, provider, CODE, "养老服务", "乐山社区", amount, "2023-03-01", "2023-03-01至2024-02-28"));
    }

    @Test
    void moneyReadEqualsStagedPlusQuarantinedAndTheQuarantinedRowsAreNamed() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("项目编号", "项目名称", "承接主体", "统一社会信用代码", "服务类别", "服务社区", "合同金额（元）", "签订日期", "服务期限"));
        rows.add(contract("P1", "乐山社工站", "10000.50")); // line 2: staged
        rows.add(contract("P2", "", "20000")); // line 3: quarantined, provider missing: its money read
        rows.add(contract("P3", "乐山社工站", "贰万伍仟元整也")); // line 4: quarantined, an amount the typer cannot read
        rows.add(contract("P4", "乐山社工站", "0.5万")); // line 5: staged, 5000 yuan
        Path file = new TestWorkbook().sheet("台账", rows).write(dir.resolve("landing/台账2023.xlsx"));
        ProcurementLedgerStaging staging =
                new ProcurementLedgerStaging(spark, SourceContract.load(SourceContract.PROCUREMENT_LEDGER));
        staging.stage(
                List.of(landed(Source.PROCUREMENT.id(), file, "台账2023.xlsx", 1L, 2L)),
                dir.resolve("staging"),
                new Quarantine(dir.resolve("quarantine"), "run-1"));

        assertThat(staging.values()).singleElement().satisfies(a -> {
            assertThat(a.field()).isEqualTo("contract_amount");
            assertThat(a.lakeColumn()).as("the contract names the lake column").isEqualTo("allocated_amount_yuan");
            assertThat(a.read())
                    .as("every amount the typer could read")
                    .isEqualByComparingTo(new BigDecimal("35000.50"));
            assertThat(a.staged()).isEqualByComparingTo(new BigDecimal("15000.50"));
            assertThat(a.quarantined()).isEqualByComparingTo(new BigDecimal("20000"));
            assertThat(a.quarantinedRows())
                    .as("the quarantined row with money, by file:line")
                    .singleElement()
                    .asString()
                    .startsWith("台账2023.xlsx:3 20000.00 (required_missing)");
            assertThat(a.unparsed())
                    .as("the amount no sum can hold is named, not counted")
                    .singleElement()
                    .asString()
                    .startsWith("台账2023.xlsx:4 '贰万伍仟元整也'");
            assertThat(a.problems()).as("read = staged + quarantined").isEmpty();
        });
    }

    @Test
    void aDifferenceNoRowExplainsIsAProblemNamingFileFieldAndBothSums() {
        ValueAccount staged = ValueAccount.staged(
                "procurement_ledgers",
                "a.xlsx",
                "contract_amount",
                "allocated_amount_yuan",
                new BigDecimal("300.00"),
                new BigDecimal("300.00"),
                BigDecimal.ZERO,
                List.of(),
                List.of());
        assertThat(staged.withLake(
                                new BigDecimal("200.00"),
                                new BigDecimal("100.00"),
                                List.of("a.xlsx:3 100.00 (superseded)"))
                        .problems())
                .as("explained by a named row")
                .isEmpty();
        ValueAccount lost = staged.withLake(new BigDecimal("299.99"), BigDecimal.ZERO, List.of());
        assertThat(lost.problems())
                .singleElement()
                .asString()
                .contains("staged 300.00")
                .contains("lake 299.99");
        assertThat(ValueLedger.findings(List.of(lost), RuleStage.LAKE))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.blocks())
                            .as("an error-level finding that blocks the run")
                            .isTrue();
                    assertThat(o.reason()).contains("a.xlsx").contains("contract_amount");
                });
        assertThat(staged.withLake(new BigDecimal("300.00"), BigDecimal.ZERO, List.of())
                        .withPublished(new BigDecimal("290.00"))
                        .problems())
                .singleElement()
                .asString()
                .contains("published 290.00");
    }
}
