package io.shequ.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.conform.LatestSubmission;
import io.shequ.jobs.extract.FileLanding;
import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.spark.TestSpark;
import io.shequ.jobs.stage.ledger.ProcurementLedgerStaging;
import io.shequ.schemas.contract.SourceContract;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.simulator.GroundTruthCsv;
import io.shequ.simulator.Mess;
import io.shequ.simulator.MessKind;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated procurement ledgers with every kind of ledger mess switched on (heavy), staged by the
 * real staging class and held to ground-truth/contracts.csv: per file, rows read = staged +
 * quarantined = the truth's rows; every staged value (project number, amount in yuan exactly,
 * signed date and service period with their precision, normalised credit code, category, served
 * text and its parts) equals the truth; every intended reject is quarantined with its rule and
 * nothing else is; and the latest submission per 项目编号 is exactly the truth's effective row.
 */
class LedgerStagingPropertyIT {

    private static final int CONTRACTS = 60;

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24})
    void stagingMatchesTheGroundTruth(long seed) throws Exception {
        // heavy would make every form messy and nearly every ledger CSV: keep some clean forms and XLSX beside them
        Mess mess = Mess.level(Mess.Level.HEAVY)
                .with(MessKind.LEDGER_CSV, 0.5)
                .with(MessKind.AMOUNT_FORMS, 0.6)
                .with(MessKind.DATE_FORMS, 0.7);
        SimulationSpec spec = new SimulationSpec(DivisionCode.parse("370103"), 2023, seed, 1, 0, CONTRACTS, mess);
        SimulationResult sample = SourceSimulator.generate(spec, dir.resolve("sources"));
        HomeLayout layout = new HomeLayout(dir.resolve("home"));
        List<LandedSource> landed = new FileLanding(layout).land(Source.PROCUREMENT.id(), sample.procurementFolder());
        Quarantine quarantine = new Quarantine(layout.quarantine("run1"), "run1");
        Path stagingRoot = layout.staging("run1");
        List<SourceAccount> accounts = new ProcurementLedgerStaging(
                        spark, SourceContract.load(SourceContract.PROCUREMENT_LEDGER))
                .stage(landed, stagingRoot, quarantine);

        Path truth = sample.groundTruthFolder();
        List<CSVRecord> contracts = GroundTruthCsv.read(truth.resolve("contracts.csv"));
        String prefix = sample.procurementFolder().getFileName() + "/";
        Map<String, Long> truthRowsPerFile = new HashMap<>();
        Map<String, CSVRecord> expectedStaged = new HashMap<>();
        Map<String, String> expectedRejects = new HashMap<>();
        Set<String> effective = new HashSet<>();
        for (CSVRecord c : contracts) {
            String file = c.get("file").substring(prefix.length());
            String key = file + "#" + c.get("line");
            truthRowsPerFile.merge(file, 1L, Long::sum);
            if (c.get("outcome").equals("staged")) {
                expectedStaged.put(key, c);
                if (c.get("superseded_by").isEmpty()) {
                    effective.add(key);
                }
            } else {
                expectedRejects.put(key, c.get("rule"));
            }
        }
        assertThat(expectedRejects).as("the sample holds rejects to find").isNotEmpty();
        assertThat(effective).as("amendments restate some projects").hasSizeLessThan(expectedStaged.size());

        Map<String, Long> filesCsvRows = new HashMap<>();
        for (CSVRecord f : GroundTruthCsv.read(truth.resolve("files.csv"))) {
            if (f.get("kind").equals("ledger")) {
                filesCsvRows.put(f.get("file").substring(prefix.length()), Long.parseLong(f.get("rows")));
            }
        }
        assertThat(filesCsvRows)
                .as("files.csv and contracts.csv agree on the rows of each ledger")
                .isEqualTo(truthRowsPerFile);
        assertThat(accounts).as("an account per ledger file").hasSize(truthRowsPerFile.size());
        for (SourceAccount account : accounts) {
            assertThat(account.rowsRead())
                    .as("rows read = staged + quarantined = the truth's rows for %s", account.location())
                    .isEqualTo(account.rowsStaged() + account.rowsQuarantined())
                    .isEqualTo(truthRowsPerFile.get(account.location()));
        }

        Dataset<Row> stagedRows = spark.read()
                .parquet(stagingRoot.resolve(ProcurementLedgerStaging.DATASET).toString());
        Set<String> stagedKeys = new HashSet<>();
        for (Row row : stagedRows.collectAsList()) {
            String key = row.getAs("source_file") + "#" + row.getAs("source_line");
            stagedKeys.add(key);
            CSVRecord expected = expectedStaged.get(key);
            assertThat(expected).as("%s staged and meant to be", key).isNotNull();
            assertStagedAsTheTruth(key, row, expected);
        }
        assertThat(stagedKeys).as("every row meant to be staged is").isEqualTo(expectedStaged.keySet());

        Map<String, String> rejected = new HashMap<>();
        for (Row row : quarantine.read(spark, ProcurementLedgerStaging.DATASET).collectAsList()) {
            String line = row.getAs("line");
            assertThat(line)
                    .as("no ledger is quarantined whole: %s", (Object) row.getAs("reason"))
                    .isNotNull();
            assertThat(rejected.put(row.getAs("location") + "#" + line, row.getAs("rule")))
                    .as("one reject per row")
                    .isNull();
        }
        assertThat(rejected)
                .as("every intended reject with its rule, and nothing else")
                .isEqualTo(expectedRejects);

        Set<String> latest = new HashSet<>();
        for (Row row : LatestSubmission.of(stagedRows, "project_no").collectAsList()) {
            latest.add(row.getAs("source_file") + "#" + row.getAs("source_line"));
        }
        assertThat(latest)
                .as("the latest submission per 项目编号 is the truth's effective row")
                .isEqualTo(effective);
    }

    private static void assertStagedAsTheTruth(String key, Row row, CSVRecord expected) {
        assertThat((String) row.getAs("project_no")).as("%s project_no", key).isEqualTo(expected.get("project_no"));
        assertThat((BigDecimal) row.getAs("contract_amount"))
                .as("%s amount in yuan (%s form)", key, expected.get("amount_form"))
                .isEqualByComparingTo(expected.get("amount_yuan"));
        assertThat(row.getAs("signed_date").toString())
                .as("%s signed date (%s form)", key, expected.get("date_form"))
                .startsWith(expected.get("signed_date"));
        assertThat((String) row.getAs("signed_date_precision"))
                .as("%s signed-date precision", key)
                .isEqualTo(expected.get("signed_precision"));
        assertThat(row.getAs("service_period_start").toString())
                .as("%s service start", key)
                .isEqualTo(expected.get("service_start"));
        assertThat(row.getAs("service_period_end").toString())
                .as("%s service end", key)
                .isEqualTo(expected.get("service_end"));
        assertThat((String) row.getAs("service_period_precision"))
                .as("%s service-period precision", key)
                .isEqualTo(precisionOf(expected.get("service_start")));
        assertThat((String) row.getAs("provider_credit_code"))
                .as("%s credit code normalised (%s form)", key, expected.get("credit_code_form"))
                .isEqualTo(expected.get("provider_credit_code"));
        assertThat((String) row.getAs("service_category"))
                .as("%s category", key)
                .isEqualTo(expected.get("category"));
        assertThat((String) row.getAs("service_category_code"))
                .as("%s category in the taxonomy", key)
                .isNotNull();
        assertThat((String) row.getAs("served"))
                .as("%s served as written", key)
                .isEqualTo(expected.get("served_written"));
        List<String> parts = row.getList(row.fieldIndex("served_parts"));
        assertThat(parts)
                .as("%s served parts (%s form): one per served unit", key, expected.get("served_form"))
                .hasSize(expected.get("served_codes").split(";").length)
                .allSatisfy(part -> assertThat(expected.get("served_written")).contains(part));
    }

    /** 2023-03-01 is known to the day, 2023-03 to the month. */
    private static String precisionOf(String isoDate) {
        return isoDate.length() == 7 ? "month" : "day";
    }
}
