package io.shequ.jobs.stage.report;

import static io.shequ.jobs.stage.LandedFiles.landed;
import static io.shequ.jobs.stage.LandedFiles.write;
import static io.shequ.jobs.stage.TestWorkbook.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.stage.HomeContracts;
import io.shequ.jobs.stage.LandedFiles;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.TestWorkbook;
import io.shequ.jobs.stage.WholeFileRejects;
import io.shequ.schemas.contract.SourceContract;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreetOfficeReportStagingTest {

    private static final String SOURCE = Source.STREET_OFFICES.id();
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = LandedFiles.localSpark();
    }

    /** What one staging run left behind. */
    private record Outcome(List<SourceAccount> accounts, List<Row> staged, List<Row> quarantined) {
        Map<String, SourceAccount> byLocation() {
            return accounts.stream().collect(Collectors.toMap(SourceAccount::location, Function.identity()));
        }

        Row stagedNamed(String name) {
            return staged.stream()
                    .filter(r -> name.equals(r.getAs("community_name")))
                    .findFirst()
                    .orElseThrow();
        }

        Map<String, String> ruleByLocation() {
            return quarantined.stream()
                    .collect(Collectors.toMap(r -> r.getAs("location"), r -> r.getAs("rule"), (a, b) -> a));
        }
    }

    private Outcome stage(SourceContract contract, LandedSource... files) {
        Quarantine quarantine = new Quarantine(dir.resolve("quarantine"), "run-1");
        List<SourceAccount> accounts = new StreetOfficeReportStaging(spark, contract)
                .stage(List.of(files), dir.resolve("staging"), quarantine);
        List<Row> staged = spark.read()
                .parquet(dir.resolve("staging")
                        .resolve(StreetOfficeReportStaging.DATASET)
                        .toString())
                .orderBy("source_file", "source_line")
                .collectAsList();
        List<Row> quarantined = quarantine
                .read(spark, StreetOfficeReportStaging.DATASET)
                .orderBy("location", "line")
                .collectAsList();
        return new Outcome(accounts, staged, quarantined);
    }

    private Outcome stage(LandedSource... files) {
        return stage(SourceContract.load(SourceContract.STREET_OFFICE_REPORT), files);
    }

    private LandedSource csv(String location, String text, Charset charset) throws IOException {
        return landed(
                SOURCE, write(dir.resolve("landing"), location, text.getBytes(charset)), location, 1_000L, 2_000L);
    }

    @Test
    void aMessyWorkbookStagesItsCommunitiesWithCleanValuesAndQuarantinesAbsurdOnes() throws IOException {
        Path file = new TestWorkbook()
                .sheet("填表说明", List.of(row("本表由各社区填写，街道汇总"), row("数据截至月底")))
                .sheet(
                        "月报",
                        Arrays.asList(
                                row("青山区先锋路街道2023年1月社区工作月报表"),
                                null,
                                row("社区", "总户数", "常住人口(人)", "社区专职工作者", "办公用房面积（平方米）", "注册志愿者人数", "户籍人口"),
                                row("乐山小区社区", "１，２３４", "1.2万", "约11", "320㎡", "—", 2800),
                                row(" 先锋路街道 兴胜社区居委会 ", 856, "2,600", 9, "　２８５.５ 平方米　", "暂无", "3,000人"),
                                row("富强村民委员会", 500, "暂无", "/", "无", 300, ""),
                                row("负数社区", -5, 100, 1, 10, 1, 1),
                                row("巨大社区", 100, 1_000_000_000L, 1, 10, 1, 1),
                                row("合计", 2690, 15000, 20, 615.5, 300, 5800),
                                row("填报人：张三", "", "填报日期：2023-02-05")))
                .merge("月报", "A1:G1")
                .write(dir.resolve("landing/月报.xlsx"));

        Outcome out = stage(landed(SOURCE, file, "月报.xlsx", 1_000L, 2_000L));

        assertThat(out.staged())
                .extracting(r -> r.getAs("community_name"))
                .as("合计, blank and footer rows are no communities")
                .containsExactly("乐山小区社区", "先锋路街道 兴胜社区居委会", "富强村民委员会");
        Row leshan = out.stagedNamed("乐山小区社区");
        assertThat((String) leshan.getAs("street_hint")).isEqualTo("先锋路街道");
        assertThat((String) leshan.getAs("district_hint")).isEqualTo("青山区");
        assertThat((String) leshan.getAs("period")).isEqualTo("2023-01");
        assertThat((String) leshan.getAs("source_sheet")).isEqualTo("月报");
        assertThat((Integer) leshan.getAs("source_line")).isEqualTo(4);
        assertThat((Long) leshan.getAs("households"))
                .as("full-width digits and comma")
                .isEqualTo(1234L);
        assertThat((Long) leshan.getAs("resident_population")).as("1.2万").isEqualTo(12_000L);
        assertThat((Long) leshan.getAs("fulltime_staff")).as("约11").isEqualTo(11L);
        assertThat((BigDecimal) leshan.getAs("office_area_m2")).isEqualByComparingTo("320");
        assertThat((Long) leshan.getAs("volunteers"))
                .as("— is no data, never zero")
                .isNull();
        assertThat((String) leshan.getAs("null_notes"))
                .contains("fulltime_staff: approximate", "volunteers: placeholder '—'");
        assertThat((String) leshan.getAs("community_name_normalized")).isEqualTo("乐山小区");

        Row xingsheng = out.stagedNamed("先锋路街道 兴胜社区居委会");
        assertThat((String) xingsheng.getAs("community_name_normalized"))
                .as("street prefix, spaces and suffix gone")
                .isEqualTo("兴胜");
        assertThat((Long) xingsheng.getAs("resident_population")).isEqualTo(2600L);
        assertThat((Long) xingsheng.getAs("registered_population")).isEqualTo(3000L);
        assertThat((BigDecimal) xingsheng.getAs("office_area_m2"))
                .as("full-width digits and spaces, a unit")
                .isEqualByComparingTo("285.5");

        Row fuqiang = out.stagedNamed("富强村民委员会");
        assertThat((String) fuqiang.getAs("community_name_normalized")).isEqualTo("富强");
        assertThat(Arrays.asList(
                        fuqiang.getAs("resident_population"),
                        fuqiang.getAs("fulltime_staff"),
                        fuqiang.getAs("office_area_m2")))
                .as("暂无, / and 无 are nulls")
                .containsOnlyNulls();
        assertThat((String) fuqiang.getAs("null_notes"))
                .contains(
                        "resident_population: placeholder '暂无'",
                        "fulltime_staff: placeholder '/'",
                        "office_area_m2: placeholder '无'");

        assertThat(out.quarantined())
                .extracting(r -> r.getAs("line"), r -> r.getAs("column"), r -> r.getAs("rule"), r -> r.getAs("sheet"))
                .containsExactly(
                        Tuple.tuple("7", "households", "negative_value", "月报"),
                        Tuple.tuple("8", "resident_population", "out_of_range", "月报"));
        assertThat(out.quarantined()).allSatisfy(r -> {
            assertThat((String) r.getAs("run_id")).isEqualTo("run-1");
            assertThat((String) r.getAs("location")).isEqualTo("月报.xlsx");
        });
        assertThat((String) out.quarantined().get(0).getAs("raw"))
                .as("raw values kept")
                .contains("负数社区", "-5");
        assertThat((String) out.quarantined().get(1).getAs("reason")).contains("1000000000");

        SourceAccount account = out.byLocation().get("月报.xlsx");
        assertThat(List.of(account.rowsRead(), account.rowsStaged(), account.rowsQuarantined()))
                .containsExactly(5L, 3L, 2L);
    }

    @Test
    void csvFilesInEveryEncodingAreDecodedAndTheirIdentityReadFromNameOrFolder() throws IOException {
        Outcome out = stage(
                csv("先锋路街道/2023年第一季度.csv", "社区名称,户数,常住人口\n乐山社区,1200,3500\n", Charset.forName("GBK")),
                csv("富强路街道_2023-02.csv", "\uFEFF居委会名称,户数\n兴胜社区,800\n", StandardCharsets.UTF_8),
                csv("青山路街道_2023年3月.csv", "单位名称,户数\n𠀾社区,90\n", Charset.forName("GB18030")),
                csv("幸福路街道_2023年4月.csv", "社区(村)名称,户数\n幸福社区,70\n", StandardCharsets.UTF_8));

        assertThat(out.staged())
                .extracting(
                        r -> r.getAs("source_file"),
                        r -> r.getAs("street_hint"),
                        r -> r.getAs("period"),
                        r -> r.getAs("community_name"),
                        r -> r.getAs("households"))
                .containsExactlyInAnyOrder(
                        Tuple.tuple("先锋路街道/2023年第一季度.csv", "先锋路街道", "2023Q1", "乐山社区", 1200L),
                        Tuple.tuple("富强路街道_2023-02.csv", "富强路街道", "2023-02", "兴胜社区", 800L),
                        Tuple.tuple("青山路街道_2023年3月.csv", "青山路街道", "2023-03", "𠀾社区", 90L),
                        Tuple.tuple("幸福路街道_2023年4月.csv", "幸福路街道", "2023-04", "幸福社区", 70L));
        Row quarter = out.staged().stream()
                .filter(r -> "2023Q1".equals(r.getAs("period")))
                .findFirst()
                .orElseThrow();
        assertThat((Date) quarter.getAs("period_start")).isEqualTo(Date.valueOf("2023-01-01"));
        assertThat((Date) quarter.getAs("period_end")).isEqualTo(Date.valueOf("2023-03-31"));
        assertThat((Object) quarter.getAs("district_hint"))
                .as("no title names a district")
                .isNull();
        assertThat(out.quarantined()).isEmpty();
    }

    @Test
    void filesThatCannotBeReadOrPlacedAreQuarantinedWholeWhileTheOthersLoad() throws IOException {
        Path landing = dir.resolve("landing");
        byte[] garbage = new byte[2048];
        new Random(3).nextBytes(garbage);
        byte[] workbook = Files.readAllBytes(new TestWorkbook()
                .sheet("表", List.of(row("社区名称", "户数"), row("乐山", 1)))
                .write(dir.resolve("whole.xlsx")));
        Path noHeader = new TestWorkbook()
                .sheet("表", List.of(row("名称", "数量"), row("乐山", 1)))
                .write(landing.resolve("先锋路街道_2023年04月.xlsx"));
        Outcome out = stage(
                landed(SOURCE, write(landing, "先锋路街道_2023年01月.csv", garbage), "先锋路街道_2023年01月.csv", 1, 1),
                landed(
                        SOURCE,
                        write(landing, "先锋路街道_2023年02月.xlsx", Arrays.copyOf(workbook, workbook.length / 2)),
                        "先锋路街道_2023年02月.xlsx",
                        1,
                        1),
                landed(SOURCE, write(landing, "先锋路街道_2023年03月.csv", new byte[0]), "先锋路街道_2023年03月.csv", 1, 1),
                landed(SOURCE, noHeader, "先锋路街道_2023年04月.xlsx", 1, 1),
                csv("2023年05月社区报表.csv", "社区名称,户数\n乐山社区,1\n兴胜社区,2\n", StandardCharsets.UTF_8),
                csv("先锋路街道_社区报表.csv", "社区名称,户数\n乐山社区,1\n", StandardCharsets.UTF_8),
                csv("先锋路街道_2023年06月.csv", "社区名称,户数\n乐山社区,10\n兴胜社区,20\n", StandardCharsets.UTF_8));

        assertThat(out.ruleByLocation())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "先锋路街道_2023年01月.csv", "unreadable_file",
                        "先锋路街道_2023年02月.xlsx", "unreadable_file",
                        "先锋路街道_2023年03月.csv", "empty_file",
                        "先锋路街道_2023年04月.xlsx", "no_header",
                        "2023年05月社区报表.csv", "unknown_street_office",
                        "先锋路街道_社区报表.csv", "unknown_period"));
        assertThat(out.quarantined())
                .filteredOn(r -> "2023年05月社区报表.csv".equals(r.getAs("location")))
                .as("a file that cannot be placed keeps each row, its line and its raw values")
                .extracting(r -> r.getAs("line"), r -> ((String) r.getAs("raw")).contains("社区"))
                .containsExactly(Tuple.tuple("2", true), Tuple.tuple("3", true));
        assertThat(out.quarantined())
                .filteredOn(r -> "先锋路街道_社区报表.csv".equals(r.getAs("location")))
                .extracting(r -> (String) r.getAs("reason"))
                .allMatch(reason -> reason.contains("period"));
        assertThat(out.staged())
                .extracting(r -> r.getAs("households"))
                .as("the good file still loads")
                .containsExactly(10L, 20L);

        Map<String, SourceAccount> accounts = out.byLocation();
        assertThat(accounts).hasSize(7);
        assertThat(accounts.get("2023年05月社区报表.csv").rowsQuarantined()).isEqualTo(2L);
        assertThat(accounts.get("先锋路街道_2023年06月.csv").rowsStaged()).isEqualTo(2L);
        assertThat(accounts.get("先锋路街道_2023年02月.xlsx").note()).contains("unreadable_file");
        assertThat(accounts.values())
                .allSatisfy(a -> assertThat(a.rowsRead()).isEqualTo(a.rowsStaged() + a.rowsQuarantined()));
    }

    @Test
    void aNumberTypingWouldChangeIsNotedOrQuarantinedNeverAlteredSilently() throws IOException {
        Outcome out = stage(csv(
                "先锋路街道_2023年01月.csv",
                "社区名称,户数,办公服务用房面积(㎡)\n"
                        + "乐山社区,12,300.456\n"
                        + "兴胜社区,13,1e-320\n"
                        + "富强社区,14,0.004\n"
                        + "和平社区,1e999999999,300\n"
                        + "光明社区,15,300.5\n",
                StandardCharsets.UTF_8));

        Row rounded = out.stagedNamed("乐山社区");
        assertThat((BigDecimal) rounded.getAs("office_area_m2")).isEqualTo(new BigDecimal("300.46"));
        assertThat((String) rounded.getAs("null_notes"))
                .as("rounding is noted")
                .contains("office_area_m2", "300.456", "300.46");
        assertThat((String) out.stagedNamed("光明社区").getAs("null_notes"))
                .as("an exact value has no rounding note")
                .doesNotContain("office_area_m2");
        assertThat(out.quarantined())
                .extracting(r -> r.getAs("line"), r -> r.getAs("column"), r -> r.getAs("rule"))
                .as("1e-320 and 0.004 m² are never stored as 0; 1e999999999 households cannot exhaust memory")
                .containsExactlyInAnyOrder(
                        Tuple.tuple("3", "office_area_m2", "out_of_range"),
                        Tuple.tuple("4", "office_area_m2", "out_of_range"),
                        Tuple.tuple("5", "households", "out_of_range"));
    }

    @Test
    void entriesRefusedAtLandingAreQuarantinedWholeAndListedWithTheirRule() throws IOException {
        LandedSource outside = LandedSource.refused(
                SOURCE,
                "先锋路街道/passwd.csv",
                0,
                1,
                1,
                new LandedSource.Refusal(
                        "outside_source",
                        "'passwd.csv' links to /etc/passwd, outside the source folder: not followed"));
        LandedSource hidden = LandedSource.refused(
                SOURCE,
                "先锋路街道/.先锋路街道_2023年02月.csv",
                30,
                1,
                1,
                new LandedSource.Refusal("hidden_file", "'.先锋路街道_2023年02月.csv' is a hidden file: not read"));
        Path landing = dir.resolve("landing");
        LandedSource emptyOne =
                landed(SOURCE, write(landing, "a/先锋路街道_2023年03月.csv", new byte[0]), "a/先锋路街道_2023年03月.csv", 1, 1);
        LandedSource emptyTwo =
                landed(SOURCE, write(landing, "b/先锋路街道_2023年04月.csv", new byte[0]), "b/先锋路街道_2023年04月.csv", 1, 1);

        Outcome out = stage(
                outside,
                hidden,
                emptyOne,
                emptyTwo,
                csv("先锋路街道_2023年06月.csv", "社区名称,户数\n乐山社区,10\n", StandardCharsets.UTF_8));

        assertThat(out.ruleByLocation())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "先锋路街道/passwd.csv", "outside_source",
                        "先锋路街道/.先锋路街道_2023年02月.csv", "hidden_file",
                        "a/先锋路街道_2023年03月.csv", "empty_file",
                        "b/先锋路街道_2023年04月.csv", "empty_file"));
        assertThat(out.byLocation().get("先锋路街道/passwd.csv").note())
                .as("the manifest note names the rule and the entry")
                .contains("outside_source", "passwd.csv");
        assertThat(out.byLocation().get("先锋路街道/passwd.csv").rowsRead()).isZero();
        assertThat(WholeFileRejects.in(
                        spark,
                        new Quarantine(dir.resolve("quarantine"), "run-1"),
                        List.of(StreetOfficeReportStaging.DATASET)))
                .as("the run summary's files_quarantined_whole lists refused entries like unreadable files")
                .extracting(WholeFileRejects.File::location, WholeFileRejects.File::rule)
                .contains(
                        Tuple.tuple("先锋路街道/passwd.csv", "outside_source"),
                        Tuple.tuple("先锋路街道/.先锋路街道_2023年02月.csv", "hidden_file"));
        assertThat(out.staged()).extracting(r -> r.getAs("households")).containsExactly(10L);
    }

    @Test
    void theSameBytesUnderAnotherNameAreLoadedOnceAndArrivalTimesAreKept() throws IOException {
        LandedSource first = landed(
                SOURCE,
                write(
                        dir.resolve("landing"),
                        "先锋路街道_2023年01月.csv",
                        "社区名称,户数\n乐山社区,10\n兴胜社区,20\n".getBytes(StandardCharsets.UTF_8)),
                "先锋路街道_2023年01月.csv",
                500L,
                7_000L);
        LandedSource copy = LandedFiles.duplicate(first, "备份/先锋路街道_2023年01月(1).csv");

        Outcome out = stage(first, copy);

        assertThat(out.staged()).hasSize(2).allSatisfy(r -> {
            assertThat((String) r.getAs("source_file")).isEqualTo("先锋路街道_2023年01月.csv");
            assertThat((Long) r.getAs("arrived_millis")).isEqualTo(7_000L);
            assertThat((Long) r.getAs("modified_millis")).isEqualTo(500L);
        });
        SourceAccount copyAccount = out.byLocation().get("备份/先锋路街道_2023年01月(1).csv");
        assertThat(copyAccount.rowsRead()).isZero();
        assertThat(copyAccount.note()).contains("same bytes as 先锋路街道_2023年01月.csv");
    }

    @Test
    void aUserContractCopyInTheHomeAddsAHeaderSpellingWithoutRebuilding() throws IOException {
        Path home = dir.resolve("home");
        LandedSource file = csv("先锋路街道_2023年01月.csv", "社区称谓,户数\n乐山社区,10\n", StandardCharsets.UTF_8);
        HomeContracts contracts = new HomeContracts(home);

        Outcome bundled = stage(contracts.load(SourceContract.STREET_OFFICE_REPORT), file);
        assertThat(bundled.ruleByLocation()).containsEntry("先锋路街道_2023年01月.csv", "no_header");

        String yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SourceContract.STREET_OFFICE_REPORT)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(home.resolve("contracts"));
        Files.writeString(
                home.resolve("contracts/street-office-report.yml"),
                yaml.replace("aliases: [社区名称,", "aliases: [社区称谓, 社区名称,"));

        Outcome user = stage(contracts.load(SourceContract.STREET_OFFICE_REPORT), file);
        assertThat(user.staged())
                .extracting(r -> r.getAs("community_name"), r -> r.getAs("households"))
                .containsExactly(Tuple.tuple("乐山社区", 10L));
        assertThat(user.quarantined()).isEmpty();
    }
}
