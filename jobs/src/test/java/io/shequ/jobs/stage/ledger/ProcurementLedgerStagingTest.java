package io.shequ.jobs.stage.ledger;

import static io.shequ.jobs.stage.LandedFiles.landed;
import static io.shequ.jobs.stage.TestWorkbook.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.stage.LandedFiles;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.TestWorkbook;
import io.shequ.schemas.code.CreditCode;
import io.shequ.schemas.contract.SourceContract;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcurementLedgerStagingTest {

    private static final String VALID = "51370103MJD12345" + "6";
    private static final String CODE = VALID + CreditCode.checkCharacter(VALID);
    private static final String BAD_CHECK = VALID + (CreditCode.checkCharacter(VALID) == '0' ? '1' : '0');
    private static SparkSession spark;

    @TempDir
    static Path dir;

    private static Map<String, Row> staged;
    private static List<Row> quarantined;
    private static List<SourceAccount> accounts;

    @BeforeAll
    static void stageOneMessyLedger() throws IOException {
        spark = LandedFiles.localSpark();
        String spaced = CODE.toLowerCase().substring(0, 6) + " "
                + CODE.toLowerCase().substring(6, 12) + "　" + CODE.toLowerCase().substring(12);
        Path file = new TestWorkbook()
                .sheet(
                        "2017年台账",
                        List.of(
                                row("市中区2017年政府购买服务项目台账"),
                                row(
                                        "项目编号",
                                        "项目名称",
                                        "购买主体",
                                        "承接主体",
                                        "统一社会信用代码",
                                        "服务类别",
                                        "服务社区",
                                        "合同金额(万元)",
                                        "签订日期",
                                        "服务期限"),
                                row(
                                        "P1",
                                        "居家养老",
                                        "市中区民政局",
                                        "乐山社工站",
                                        spaced,
                                        "养老服务",
                                        "乐山社区、兴胜社区，富强村; 全街道",
                                        20,
                                        "2017.3.1",
                                        "2017.3.1-2018.2.28"),
                                row(
                                        "P2",
                                        "助残",
                                        "市中区民政局",
                                        "乐山社工站",
                                        CODE,
                                        "助残服务",
                                        "全区",
                                        "20万元",
                                        "2017年3月1日",
                                        "2017年3月1日至2018年2月28日"),
                                row(
                                        "P3",
                                        "儿童",
                                        "先锋路街道",
                                        "乐山社工站",
                                        CODE,
                                        "儿童关爱",
                                        "先锋路街道各社区",
                                        "200,000元",
                                        "2017/03/01",
                                        "2017/03/01~2018/02/28"),
                                row(
                                        "P4",
                                        "救助",
                                        "市中区民政局",
                                        "乐山社工站",
                                        CODE,
                                        "社会救助",
                                        "乐山社区",
                                        "贰拾万元整",
                                        LocalDate.of(2017, 3, 1),
                                        "2017-03-01至2018-02-28"),
                                row(
                                        "P5",
                                        "社工",
                                        "市中区民政局",
                                        "乐山社工站",
                                        CODE,
                                        "社会工作",
                                        "乐山社区",
                                        "25.5",
                                        42795,
                                        "2017-03-01至2018-02-28"),
                                row(
                                        "P6",
                                        "文化",
                                        "市中区民政局",
                                        "乐山社工站",
                                        CODE,
                                        "文化服务",
                                        "乐山社区",
                                        20,
                                        "2017-03",
                                        "2017-03至2018-02"),
                                row(
                                        "P7",
                                        "志愿",
                                        "市中区民政局",
                                        "假社工站",
                                        BAD_CHECK,
                                        "志愿服务",
                                        "乐山社区",
                                        20,
                                        "2017-03-01",
                                        "2017-03-01至2018-02-28"),
                                row("合计", "", "", "", "", "", "", 140, "", "")))
                .write(dir.resolve("landing/市中区2017年台账.xlsx"));
        Quarantine quarantine = new Quarantine(dir.resolve("quarantine"), "run-1");
        accounts = new ProcurementLedgerStaging(spark, SourceContract.load(SourceContract.PROCUREMENT_LEDGER))
                .stage(
                        List.of(landed(Source.PROCUREMENT.id(), file, "市中区2017年台账.xlsx", 1L, 2L)),
                        dir.resolve("staging"),
                        quarantine);
        staged = spark
                .read()
                .parquet(dir.resolve("staging")
                        .resolve(ProcurementLedgerStaging.DATASET)
                        .toString())
                .collectAsList()
                .stream()
                .collect(Collectors.toMap(r -> r.getAs("project_no"), Function.identity()));
        quarantined = quarantine.read(spark, ProcurementLedgerStaging.DATASET).collectAsList();
    }

    private Row project(String no) {
        assertThat(staged).containsKey(no);
        return staged.get(no);
    }

    @Test
    void everyWayOfWritingAnAmountIsReadToExactYuan() {
        Map<String, String> expected = Map.of(
                "P1",
                "200000.00",
                "P2",
                "200000.00",
                "P3",
                "200000.00",
                "P4",
                "200000.00",
                "P5",
                "255000.00",
                "P6",
                "200000.00");
        expected.forEach((no, yuan) -> assertThat((BigDecimal) project(no).getAs("contract_amount"))
                .as(no)
                .isEqualTo(new BigDecimal(yuan)));
    }

    @Test
    void everyWayOfWritingADateIsReadWithItsPrecision() {
        for (String no : List.of("P1", "P2", "P3", "P4", "P5")) {
            assertThat((Date) project(no).getAs("signed_date")).as(no).isEqualTo(Date.valueOf("2017-03-01"));
            assertThat((String) project(no).getAs("signed_date_precision"))
                    .as(no)
                    .isEqualTo("day");
            assertThat((Date) project(no).getAs("service_period_start")).as(no).isEqualTo(Date.valueOf("2017-03-01"));
            assertThat((Date) project(no).getAs("service_period_end")).as(no).isEqualTo(Date.valueOf("2018-02-28"));
            assertThat((String) project(no).getAs("service_period_precision"))
                    .as(no)
                    .isEqualTo("day");
        }
        Row month = project("P6");
        assertThat((Date) month.getAs("signed_date")).isEqualTo(Date.valueOf("2017-03-01"));
        assertThat((String) month.getAs("signed_date_precision"))
                .as("2017-03 is a month, not a day")
                .isEqualTo("month");
        assertThat((Date) month.getAs("service_period_end"))
                .as("a month period ends on the month's last day")
                .isEqualTo(Date.valueOf("2018-02-28"));
        assertThat((String) month.getAs("service_period_precision")).isEqualTo("month");
    }

    @Test
    void creditCodesAreStoredNormalisedAndABadCheckCharacterIsQuarantined() {
        assertThat((String) project("P1").getAs("provider_credit_code"))
                .as("lower case and spaces normalised")
                .isEqualTo(CODE);
        assertThat(staged).doesNotContainKey("P7");
        assertThat(quarantined).singleElement().satisfies(r -> {
            assertThat((String) r.getAs("rule")).isEqualTo("invalid_credit_code");
            assertThat((String) r.getAs("column")).isEqualTo("provider_credit_code");
            assertThat((String) r.getAs("line")).isEqualTo("9");
            assertThat((String) r.getAs("sheet")).isEqualTo("2017年台账");
            assertThat((String) r.getAs("raw")).contains(BAD_CHECK, "假社工站");
            assertThat((String) r.getAs("run_id")).isEqualTo("run-1");
        });
        assertThat(accounts).singleElement().satisfies(a -> {
            assertThat(a.rowsRead()).as("合计 is no project").isEqualTo(7L);
            assertThat(a.rowsStaged()).isEqualTo(6L);
            assertThat(a.rowsQuarantined()).isEqualTo(1L);
        });
    }

    @Test
    void servedCommunitiesAreKeptAsWrittenAndSplitIntoParts() {
        assertThat((String) project("P1").getAs("served")).isEqualTo("乐山社区、兴胜社区，富强村; 全街道");
        assertThat(project("P1").<String>getList(project("P1").fieldIndex("served_parts")))
                .containsExactly("乐山社区", "兴胜社区", "富强村", "全街道");
        assertThat(project("P2").<String>getList(project("P2").fieldIndex("served_parts")))
                .containsExactly("全区");
        assertThat(project("P3").<String>getList(project("P3").fieldIndex("served_parts")))
                .containsExactly("先锋路街道各社区");
    }

    @Test
    void aDateThatCannotBeRealIsQuarantinedNamedAndTheStageStillWritesItsRows() throws IOException {
        String header = "项目编号,项目名称,承接主体,统一社会信用代码,服务类别,服务社区,合同金额(元),签订日期,服务期限\n";
        String rest = ",养老," + "乐山社工站," + CODE + ",养老服务,乐山社区,";
        String csv = header
                + "D1" + rest + "1000,0000-01-01,2023-01-01至2023-12-31\n"
                + "D2" + rest + "1000,9999-12-31,2023-01-01至2023-12-31\n"
                + "D3" + rest + "1000,1900-01-01,2023-01-01至2023-12-31\n"
                + "D4" + rest + "1000,2024-02-30,2024-03-01至2024-12-31\n"
                + "D5" + rest + "1000,2023-01-01,2023-01-01至9999-12-31\n"
                + "D6" + rest + "1000.005,2023-01-01,2023-01-01至2023-12-31\n"
                + "D7" + rest + "0.001,2023-01-01,2023-01-01至2023-12-31\n"
                + "D8" + rest + "1e-320,2023-01-01,2023-01-01至2023-12-31\n"
                + "D9" + rest + "1000,2023-01-01,2023-01-01至2023-12-31\n";
        Path root = dir.resolve("implausible");
        Path file = LandedFiles.write(root.resolve("landing"), "市中区2023年台账.csv", csv.getBytes(StandardCharsets.UTF_8));
        Quarantine quarantine = new Quarantine(root.resolve("quarantine"), "run-1");

        List<SourceAccount> out = new ProcurementLedgerStaging(
                        spark, SourceContract.load(SourceContract.PROCUREMENT_LEDGER))
                .stage(
                        List.of(landed(Source.PROCUREMENT.id(), file, "市中区2023年台账.csv", 1L, 2L)),
                        root.resolve("staging"),
                        quarantine);

        Map<String, Row> stagedRows = spark
                .read()
                .parquet(root.resolve("staging")
                        .resolve(ProcurementLedgerStaging.DATASET)
                        .toString())
                .collectAsList()
                .stream()
                .collect(Collectors.toMap(r -> r.getAs("project_no"), Function.identity()));
        Map<String, Row> rejected = quarantine.read(spark, ProcurementLedgerStaging.DATASET).collectAsList().stream()
                .collect(Collectors.toMap(
                        r -> ((String) r.getAs("raw")).replaceAll("(?s).*\"(D\\d)\".*", "$1"), Function.identity()));
        assertThat(stagedRows.keySet())
                .as("only real dates and exact amounts are staged")
                .containsExactlyInAnyOrder("D6", "D9");
        for (String no : List.of("D1", "D2", "D3", "D4", "D5")) {
            assertThat((String) rejected.get(no).getAs("rule")).as(no).isEqualTo("implausible_date");
        }
        assertThat((String) rejected.get("D1").getAs("reason"))
                .as("the reason names the cell and the bound")
                .contains("0000-01-01", "签订日期", "1949-10-01");
        assertThat((String) rejected.get("D1").getAs("line")).isEqualTo("2");
        assertThat((String) rejected.get("D1").getAs("column")).isEqualTo("signed_date");
        assertThat((String) rejected.get("D5").getAs("column")).isEqualTo("service_period");
        assertThat((String) rejected.get("D7").getAs("rule"))
                .as("0.001 yuan is never stored as 0")
                .isEqualTo("out_of_range");
        assertThat((String) rejected.get("D8").getAs("rule"))
                .as("1e-320 yuan is no amount")
                .isEqualTo("invalid_amount");
        assertThat((BigDecimal) stagedRows.get("D6").getAs("contract_amount")).isEqualTo(new BigDecimal("1000.01"));
        assertThat((String) stagedRows.get("D6").getAs("null_notes"))
                .as("rounding is said, not silent")
                .contains("contract_amount", "1000.005", "1000.01");
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.rowsRead()).isEqualTo(9L);
            assertThat(a.rowsQuarantined()).isEqualTo(7L);
        });
    }
}
