package io.shequ.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.extract.FileLanding;
import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.spark.TestSpark;
import io.shequ.jobs.stage.report.StreetOfficeReportStaging;
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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated street-office reports with every kind of report mess switched on (heavy), staged by the
 * real staging classes: per file, rows read = staged + quarantined and equal the rows the ground
 * truth expects; every staged value equals its clean value; every intended reject is quarantined
 * with its rule, whole files included, and nothing else is.
 */
class ReportStagingPropertyIT {

    private static final List<String> FIELDS = List.of(
            "households",
            "registered_population",
            "resident_population",
            "fulltime_staff",
            "social_workers",
            "office_area_m2",
            "volunteers",
            "social_orgs",
            "consult_platforms",
            "consult_meetings",
            "matters_public",
            "matters_livelihood",
            "matters_disputes");
    private static final String PREFIX = "street-offices/";

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
    @ValueSource(longs = {11, 12, 13})
    void stagingMatchesTheGroundTruth(long seed) throws Exception {
        // heavy would make every office send CSV: keep half of them on XLSX so the XLSX kinds occur too
        Mess mess = Mess.level(Mess.Level.HEAVY).with(MessKind.REPORT_CSV, 0.5);
        SimulationSpec spec = new SimulationSpec(DivisionCode.parse("370103"), 2023, seed, 3, 0, 1, mess);
        SimulationResult sample = SourceSimulator.generate(spec, dir.resolve("sources"));
        HomeLayout layout = new HomeLayout(dir.resolve("home"));
        List<LandedSource> landed =
                new FileLanding(layout).land(Source.STREET_OFFICES.id(), sample.streetOfficeFolder());
        Quarantine quarantine = new Quarantine(layout.quarantine("run1"), "run1");
        List<SourceAccount> accounts = new StreetOfficeReportStaging(
                        spark, SourceContract.load(SourceContract.STREET_OFFICE_REPORT))
                .stage(landed, layout.staging("run1"), quarantine);

        Path truth = sample.groundTruthFolder();
        Map<String, CSVRecord> files = new HashMap<>();
        for (CSVRecord f : GroundTruthCsv.read(truth.resolve("files.csv"))) {
            if (f.get("kind").equals("report")) {
                files.put(f.get("file").substring(PREFIX.length()), f);
            }
        }
        assertThat(accounts).as("an account per file").hasSize(files.size());
        for (SourceAccount account : accounts) {
            CSVRecord f = files.get(account.location());
            assertThat(f).as("%s is in files.csv", account.location()).isNotNull();
            assertThat(account.rowsRead())
                    .as("rows read = staged + quarantined for %s", account.location())
                    .isEqualTo(account.rowsStaged() + account.rowsQuarantined())
                    .isEqualTo(Long.parseLong(f.get("rows")));
        }

        Map<String, CSVRecord> expectedStaged = new HashMap<>();
        Map<String, String> expectedRejects = new HashMap<>();
        for (CSVRecord r : GroundTruthCsv.read(truth.resolve("report-rows.csv"))) {
            String key = r.get("file").substring(PREFIX.length()) + "#" + r.get("line");
            if (r.get("outcome").equals("staged")) {
                expectedStaged.put(key, r);
            } else {
                expectedRejects.put(key, r.get("rule"));
            }
        }

        List<Row> staged = spark.read()
                .parquet(layout.staging("run1")
                        .resolve(StreetOfficeReportStaging.DATASET)
                        .toString())
                .collectAsList();
        Set<String> stagedKeys = new HashSet<>();
        for (Row row : staged) {
            String key = row.getAs("source_file") + "#" + row.getAs("source_line");
            stagedKeys.add(key);
            CSVRecord expected = expectedStaged.get(key);
            assertThat(expected).as("%s staged and meant to be", key).isNotNull();
            assertThat((String) row.getAs("community_name"))
                    .as("%s name", key)
                    .isEqualTo(expected.get("community_name"));
            for (String field : FIELDS) {
                Object value = row.getAs(field);
                String clean = expected.get(field);
                if (clean.isEmpty()) {
                    assertThat(value)
                            .as("%s %s is null, never zero", key, field)
                            .isNull();
                } else {
                    assertThat(value).as("%s %s", key, field).isNotNull();
                    assertThat(new BigDecimal(value.toString()))
                            .as("%s %s", key, field)
                            .isEqualByComparingTo(clean);
                }
            }
        }
        assertThat(stagedKeys).as("every row meant to be staged is").isEqualTo(expectedStaged.keySet());
        for (Row row : staged) {
            CSVRecord expected = expectedStaged.get(row.getAs("source_file") + "#" + row.getAs("source_line"));
            String notes = row.getAs("null_notes");
            Set<String> noted = new HashSet<>();
            if (notes != null) {
                for (String note : notes.split("; ")) {
                    noted.add(note.substring(0, note.indexOf(':')));
                }
            }
            Set<String> meant = new HashSet<>();
            for (String list : List.of(expected.get("null_fields"), expected.get("approximate_fields"))) {
                if (!list.isEmpty()) {
                    meant.addAll(List.of(list.split(";")));
                }
            }
            assertThat(noted)
                    .as("%s: a note for each null and each approximation (%s)", expected.get("file"), notes)
                    .isEqualTo(meant);
        }

        Map<String, String> rejectedRows = new HashMap<>();
        Map<String, String> rejectedFiles = new HashMap<>();
        for (Row row : quarantine.read(spark, StreetOfficeReportStaging.DATASET).collectAsList()) {
            String location = row.getAs("location");
            String line = row.getAs("line");
            if (line == null) {
                rejectedFiles.put(location, row.getAs("rule"));
            } else {
                assertThat(rejectedRows.put(location + "#" + line, row.getAs("rule")))
                        .as("one reject per row")
                        .isNull();
            }
        }
        assertThat(rejectedRows)
                .as("every intended reject with its rule, and nothing else")
                .isEqualTo(expectedRejects);
        Map<String, String> unreadable = new HashMap<>();
        files.forEach((location, f) -> {
            if (f.get("outcome").equals("quarantined") && Long.parseLong(f.get("rows")) == 0) {
                unreadable.put(location, f.get("rule"));
            }
        });
        assertThat(rejectedFiles).as("files quarantined whole, with their rule").isEqualTo(unreadable);
    }
}
