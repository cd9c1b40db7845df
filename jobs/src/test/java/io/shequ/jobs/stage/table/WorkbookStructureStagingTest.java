package io.shequ.jobs.stage.table;

import static io.shequ.jobs.stage.LandedFiles.landed;
import static io.shequ.jobs.stage.TestWorkbook.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.stage.LandedFiles;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.SourceFinding;
import io.shequ.jobs.stage.TestWorkbook;
import io.shequ.jobs.stage.ledger.ProcurementLedgerStaging;
import io.shequ.jobs.stage.report.StreetOfficeReportStaging;
import io.shequ.schemas.code.CreditCode;
import io.shequ.schemas.contract.SourceContract;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks as offices really lay them out: contracts on several sheets, headers over several rows. */
class WorkbookStructureStagingTest {

    private static final String VALID = "51370103MJD12345" + "6";
    private static final String CODE = VALID + CreditCode.checkCharacter(VALID);
    private static final List<Object> LEDGER_HEADER =
            row("项目编号", "项目名称", "购买主体", "承接主体", "统一社会信用代码", "服务类别", "服务社区", "合同金额(万元)", "签订日期", "服务期限");
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = LandedFiles.localSpark();
    }

    private static List<Object> contract(String no, Object amount) {
        return row(no, "居家养老", "市中区民政局", "乐山社工站", CODE, "养老服务", "乐山社区", amount, "2017-03-01", "2017-03-01至2018-02-28");
    }

    @Test
    void everySheetOfALedgerWorkbookIsStagedAndASheetWithoutContractsIsNamed() throws Exception {
        Path file = new TestWorkbook()
                .sheet("上半年", List.of(row("市中区2017年政府购买服务项目台账"), LEDGER_HEADER, contract("P1", 20), contract("P2", 30)))
                .sheet("填表说明", List.of(row("金额以万元计"), row("服务社区请用顿号分隔")))
                .sheet("下半年", List.of(LEDGER_HEADER, contract("P3", 10), contract("P4", "abc")))
                .sheet("汇总", List.of(row("项目名称", "合同金额(万元)"), row("合计", 60)))
                .write(dir.resolve("landing/市中区2017年台账.xlsx"));
        Quarantine quarantine = new Quarantine(dir.resolve("quarantine"), "run-1");
        ProcurementLedgerStaging staging =
                new ProcurementLedgerStaging(spark, SourceContract.load(SourceContract.PROCUREMENT_LEDGER));
        List<SourceAccount> accounts = staging.stage(
                List.of(landed(Source.PROCUREMENT.id(), file, "市中区2017年台账.xlsx", 1L, 2L)),
                dir.resolve("staging"),
                quarantine);
        List<Row> staged = spark.read()
                .parquet(dir.resolve("staging")
                        .resolve(ProcurementLedgerStaging.DATASET)
                        .toString())
                .orderBy("project_no")
                .collectAsList();
        List<Row> quarantined =
                quarantine.read(spark, ProcurementLedgerStaging.DATASET).collectAsList();

        assertThat(staged)
                .extracting(r -> r.<String>getAs("project_no"))
                .as("contracts of both sheets")
                .containsExactly("P1", "P2", "P3");
        assertThat(staged)
                .extracting(r -> r.<String>getAs("source_sheet") + ":" + r.<Integer>getAs("source_line"))
                .as("each row says its sheet and line")
                .containsExactly("上半年:3", "上半年:4", "下半年:2");
        assertThat(quarantined).singleElement().satisfies(r -> {
            assertThat((String) r.getAs("sheet")).isEqualTo("下半年");
            assertThat((String) r.getAs("line")).isEqualTo("3");
        });
        assertThat(accounts).singleElement().satisfies(a -> {
            assertThat(a.rowsRead()).as("rows of both contract sheets").isEqualTo(4L);
            assertThat(a.rowsStaged() + a.rowsQuarantined()).isEqualTo(4L);
            assertThat(a.note())
                    .as("the sheets not read are named in the summary")
                    .contains("填表说明", "汇总");
        });
        assertThat(staging.findings())
                .filteredOn(f -> f.kind().equals(SourceFinding.SHEET_WITHOUT_TABLE))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.value()).isEqualTo("填表说明");
                    assertThat(f.isNote()).as("a sheet of notes is only a note").isTrue();
                });
        assertThat(staging.findings())
                .filteredOn(f -> f.kind().equals(SourceFinding.INCOMPLETE_TABLE))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.value()).isEqualTo("汇总");
                    assertThat(f.isNote())
                            .as("a sheet naming some fields but not all is a warning")
                            .isFalse();
                    assertThat(f.message()).contains("project_no");
                });
    }

    @Test
    void aHeaderOverTwoRowsAndAUnitRowIsReadAsOneHeader() throws Exception {
        Path file = new TestWorkbook()
                .sheet(
                        "2023年4月",
                        List.of(
                                row("先锋路街道2023年4月社区基本情况统计表"),
                                row("社区名称", "户数", "协商议事", null, "矛盾纠纷"),
                                row(null, null, "平台数", "会议次数", "化解数"),
                                row(null, "(户)", "(个)", "(次)", "(件)"),
                                row("乐山社区", 1200, 2, 5, 3),
                                row("兴胜社区", 800, 1, 4, 0)))
                .merge("2023年4月", "A2:A4")
                .merge("2023年4月", "B2:B3")
                .merge("2023年4月", "C2:D2")
                .write(dir.resolve("landing/先锋路街道_2023年04月.xlsx"));
        Quarantine quarantine = new Quarantine(dir.resolve("quarantine"), "run-1");
        StreetOfficeReportStaging staging =
                new StreetOfficeReportStaging(spark, SourceContract.load(SourceContract.STREET_OFFICE_REPORT));
        List<SourceAccount> accounts = staging.stage(
                List.of(landed(Source.STREET_OFFICES.id(), file, "先锋路街道_2023年04月.xlsx", 1L, 2L)),
                dir.resolve("staging"),
                quarantine);
        List<Row> staged = spark.read()
                .parquet(dir.resolve("staging")
                        .resolve(StreetOfficeReportStaging.DATASET)
                        .toString())
                .orderBy("source_line")
                .collectAsList();

        assertThat(quarantine.read(spark, StreetOfficeReportStaging.DATASET).collectAsList())
                .as("neither the sub-header nor the unit row is quarantined as data")
                .isEmpty();
        assertThat(accounts)
                .singleElement()
                .satisfies(a -> assertThat(a.rowsRead()).isEqualTo(2L));
        assertThat(staged).hasSize(2).first().satisfies(r -> {
            assertThat((String) r.getAs("community_name")).isEqualTo("乐山社区");
            assertThat(r.<Integer>getAs("source_line")).isEqualTo(5);
            assertThat(((Number) r.getAs("households")).longValue()).isEqualTo(1200L);
            assertThat(((Number) r.getAs("consult_platforms")).longValue())
                    .as("协商议事 + 平台数")
                    .isEqualTo(2L);
            assertThat(((Number) r.getAs("consult_meetings")).longValue())
                    .as("协商议事 + 会议次数")
                    .isEqualTo(5L);
            assertThat(((Number) r.getAs("matters_disputes")).longValue())
                    .as("矛盾纠纷 + 化解数")
                    .isEqualTo(3L);
        });
        assertThat(staging.findings())
                .filteredOn(f -> f.kind().equals(SourceFinding.MULTI_ROW_HEADER))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("spans 3 rows from row 2"));
        assertThat(staging.findings())
                .as("no sub-heading is left unknown")
                .noneMatch(f -> f.kind().equals("unknown_header"));
    }
}
