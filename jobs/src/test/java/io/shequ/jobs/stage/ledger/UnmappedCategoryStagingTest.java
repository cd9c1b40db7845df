package io.shequ.jobs.stage.ledger;

import static io.shequ.jobs.stage.LandedFiles.landed;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.stage.HomeTaxonomies;
import io.shequ.jobs.stage.LandedFiles;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.SourceFinding;
import io.shequ.jobs.stage.TestWorkbook;
import io.shequ.jobs.stage.UnmappedTaxonomyValues;
import io.shequ.jobs.stage.table.ContractFieldHistory;
import io.shequ.schemas.code.CreditCode;
import io.shequ.schemas.contract.SourceContract;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value outside the service-category taxonomy never removes a row or an amount: it counts under other, reported. */
class UnmappedCategoryStagingTest {

    private static final String VALID = "51370103MJD12345" + "6";
    private static final String CODE = VALID + CreditCode.checkCharacter(VALID);
    private static SparkSession spark;
    private static List<String[]> truth;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        spark = LandedFiles.localSpark();
        try (var in = UnmappedCategoryStagingTest.class.getResourceAsStream("/stage/novel-ledger.csv")) {
            truth = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(","))
                    .toList();
        }
    }

    /** The ledger of the truth file, with or without the 评估等级 column, under a header spelling no alias lists. */
    private static Path ledger(String name, boolean withGrade) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(
                List.of("项目编号", "项目名称", "承接主体", "统一社会信用代码", "服务类别", "服务社区", "合同金额（万元）", "签订日期", "服务期限", "项目负责人"));
        if (withGrade) {
            header.add("评估等级");
        }
        rows.add(header);
        for (String[] t : truth) {
            List<Object> r = new ArrayList<>(List.of(
                    t[0], "项目" + t[0], "乐山社工站", CODE, t[1], "乐山社区", t[2], "2017-03-01", "2017-03-01至2018-02-28", "张三"));
            if (withGrade) {
                r.add("良好");
            }
            rows.add(r);
        }
        return new TestWorkbook().sheet("台账", rows).write(dir.resolve("landing").resolve(name));
    }

    private record Staged(List<SourceAccount> accounts, Dataset<Row> rows, List<SourceFinding> findings) {}

    private static Staged stage(String run, String name, boolean withGrade, HomeTaxonomies home) throws IOException {
        Path file = ledger(name, withGrade);
        ProcurementLedgerStaging staging = new ProcurementLedgerStaging(
                        spark,
                        SourceContract.load(SourceContract.PROCUREMENT_LEDGER),
                        home.load(ProcurementLedgerStaging.SERVICE_CATEGORIES))
                .comparingFields(new ContractFieldHistory(dir.resolve("state/contract-fields.json"), run));
        Path root = dir.resolve(run).resolve("staging");
        List<SourceAccount> accounts = staging.stage(
                List.of(landed(Source.PROCUREMENT.id(), file, name, 1L, 2L)),
                root,
                new Quarantine(dir.resolve(run).resolve("quarantine"), run));
        Dataset<Row> rows = spark.read()
                .parquet(root.resolve(ProcurementLedgerStaging.DATASET).toString());
        List<SourceFinding> findings = new ArrayList<>(staging.findings());
        findings.addAll(new UnmappedTaxonomyValues(
                        Source.PROCUREMENT.id(), home.load(ProcurementLedgerStaging.SERVICE_CATEGORIES))
                .apply(rows, "service_category", "contract_amount"));
        return new Staged(accounts, rows, findings);
    }

    @Test
    void unknownCategoriesCountUnderOtherWithTheirMoneyAndAreNamedInFindings() throws IOException {
        Staged s = stage("run-1", "台账2017.xlsx", true, HomeTaxonomies.BUNDLED);
        assertThat(s.accounts()).singleElement().satisfies(a -> {
            assertThat(a.rowsStaged()).as("no row quarantined for its category").isEqualTo(truth.size());
            assertThat(a.rowsQuarantined()).isZero();
        });
        BigDecimal expected = truth.stream()
                .map(t -> new BigDecimal(t[2]).multiply(BigDecimal.valueOf(10_000)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(((BigDecimal) s.rows()
                                .agg(sum(col("contract_amount")))
                                .first()
                                .get(0))
                        .compareTo(expected))
                .as("the staged money equals the ledger's, unknown categories included")
                .isZero();
        Map<String, String> codeByProject = s.rows().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("project_no"), r -> r.getAs("service_category_code")));
        assertThat(codeByProject)
                .as("known categories conformed, unknown ones under other")
                .containsEntry("P1", "elderly")
                .containsEntry("P2", "other")
                .containsEntry("P3", "other")
                .containsEntry("P5", "social_work");
        assertThat(s.findings())
                .filteredOn(f -> f.kind().equals(SourceFinding.UNMAPPED_VALUE))
                .extracting(
                        SourceFinding::value,
                        SourceFinding::rows,
                        f -> f.amount().toBigInteger().longValue())
                .as("each unknown category with its rows and amount")
                .containsExactlyInAnyOrder(Tuple.tuple("心理健康服务", 2L, 400_000L), Tuple.tuple("法律援助", 1L, 125_000L));
        assertThat(s.findings())
                .filteredOn(f -> f.kind().equals("unknown_header"))
                .extracting(SourceFinding::value, SourceFinding::location)
                .as("the header no field has is named with its file")
                .containsExactly(Tuple.tuple("项目负责人", "台账2017.xlsx"));
        assertThat(s.findings())
                .filteredOn(f -> f.kind().equals(SourceFinding.HEADER_VARIANT))
                .extracting(SourceFinding::value)
                .as("合同金额（万元） folds to an alias exactly: no note")
                .isEmpty();
    }

    @Test
    void anAliasInTheHomesTaxonomyMapsTheValueOnTheNextRun() throws IOException {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("taxonomies"));
        String bundled;
        try (var in = getClass().getClassLoader().getResourceAsStream("reference/taxonomy/service-categories.csv")) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(
                home.resolve("taxonomies/service-categories.csv"),
                bundled.replace(
                        "assistance,社会救助,social assistance,救助服务", "assistance,社会救助,social assistance,救助服务|法律援助"));
        Staged s = stage("run-h", "台账2018.xlsx", true, HomeTaxonomies.of(home));
        assertThat(s.rows().filter(col("project_no").equalTo("P3")).first().<String>getAs("service_category_code"))
                .as("法律援助 is an alias of assistance in the home's copy")
                .isEqualTo("assistance");
        assertThat(s.findings())
                .filteredOn(f -> f.kind().equals(SourceFinding.UNMAPPED_VALUE))
                .extracting(SourceFinding::value)
                .containsExactly("心理健康服务");
    }

    @Test
    void aFieldTheSenderSuppliedBeforeAndDropsIsSchemaDrift() throws IOException {
        stage("run-a", "台账a.xlsx", true, HomeTaxonomies.BUNDLED);
        Staged later = stage("run-b", "台账b.xlsx", false, HomeTaxonomies.BUNDLED);
        assertThat(later.findings())
                .filteredOn(f -> f.kind().equals(SourceFinding.SCHEMA_DRIFT))
                .extracting(SourceFinding::field, SourceFinding::location)
                .as("评估等级 was supplied in run-a's file and is missing from run-b's")
                .containsExactly(Tuple.tuple("evaluation_grade", "台账b.xlsx"));
    }
}
