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
import io.shequ.jobs.stage.report.StreetOfficeReportStaging;
import io.shequ.schemas.contract.SourceContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small ways a hand-typed CSV (or sheet) can lose or bend a value, each staged, quarantined or reported. */
class CsvDetailsStagingTest {

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = LandedFiles.localSpark();
    }

    private record Outcome(
            StreetOfficeReportStaging staging, List<SourceAccount> accounts, List<Row> staged, List<Row> quarantined) {}

    private Outcome stage(Path file, String location) throws IOException {
        Quarantine quarantine = new Quarantine(dir.resolve("quarantine"), "run-1");
        StreetOfficeReportStaging staging =
                new StreetOfficeReportStaging(spark, SourceContract.load(SourceContract.STREET_OFFICE_REPORT));
        List<SourceAccount> accounts = staging.stage(
                List.of(landed(Source.STREET_OFFICES.id(), file, location, 1L, 2L)),
                dir.resolve("staging"),
                quarantine);
        return new Outcome(
                staging,
                accounts,
                spark.read()
                        .parquet(dir.resolve("staging")
                                .resolve(StreetOfficeReportStaging.DATASET)
                                .toString())
                        .orderBy("source_line")
                        .collectAsList(),
                quarantine
                        .read(spark, StreetOfficeReportStaging.DATASET)
                        .orderBy("line")
                        .collectAsList());
    }

    @Test
    void aCarriageReturnInAQuotedCellKeepsTheRecordWholeAndTheLinesRight() throws Exception {
        String location = "先锋路街道_2023年01月.csv";
        Path file = Files.writeString(
                dir.resolve(location), "社区名称,户数\r\n\"乐山\r社区\",12\r\n兴胜社区,x\r\n", StandardCharsets.UTF_8);

        Outcome out = stage(file, location);

        assertThat(out.accounts())
                .singleElement()
                .satisfies(a -> assertThat(a.rowsRead()).as("no phantom row").isEqualTo(2L));
        assertThat(out.staged()).singleElement().satisfies(r -> {
            assertThat((String) r.getAs("community_name")).isEqualTo("乐山\r社区");
            assertThat(r.<Integer>getAs("source_line")).isEqualTo(2);
        });
        assertThat(out.quarantined())
                .extracting(r -> r.getAs("line"))
                .as("the next record starts on physical line 4")
                .containsExactly("4");
    }

    @Test
    void cellsBeyondTheHeaderAreReportedNeverDroppedSilently() throws Exception {
        String location = "先锋路街道_2023年02月.csv";
        Path file = Files.writeString(
                dir.resolve(location), "社区名称,户数\n乐山社区,12,备注:新建\n兴胜社区,13\n富强社区,14,,7\n", StandardCharsets.UTF_8);

        Outcome out = stage(file, location);

        assertThat(out.staged()).hasSize(3);
        assertThat(out.staging().findings())
                .filteredOn(f -> f.kind().equals(SourceFinding.CELLS_WITHOUT_HEADER))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.location()).isEqualTo(location);
                    assertThat(f.rows()).isEqualTo(2L);
                    assertThat(f.value()).isEqualTo("[3, 4]");
                    assertThat(f.message()).contains("line 2 column 3 '备注:新建'", "line 4 column 4 '7'");
                    assertThat(f.isNote()).as("a warning").isFalse();
                });
    }

    @Test
    void aSubnormalNumberIsNeverStoredAsZero() throws Exception {
        String location = "先锋路街道_2023年03月.xlsx";
        Path file = new TestWorkbook()
                .sheet(
                        "表",
                        List.of(
                                row("社区名称", "户数", "办公服务用房面积(㎡)"),
                                row("乐山社区", "1e-320", 300),
                                row("兴胜社区", 12, 1e-320),
                                row("富强社区", 13, 300)))
                .write(dir.resolve(location));

        Outcome out = stage(file, location);

        assertThat(out.staged()).extracting(r -> r.getAs("community_name")).containsExactly("富强社区");
        assertThat(out.quarantined())
                .extracting(r -> r.getAs("line"), r -> r.getAs("column"), r -> r.getAs("rule"))
                .as("typed as text in a count, stored as a double in an area: both quarantined, neither 0")
                .containsExactly(
                        Tuple.tuple("2", "households", "out_of_range"),
                        Tuple.tuple("3", "office_area_m2", "out_of_range"));
    }

    @Test
    void aTenThousandColumnFileIsStagedWithItsUnknownColumnsNamedAndNeverCrashes() throws Exception {
        String location = "先锋路街道_2023年04月.csv";
        int extra = 9_998;
        StringBuilder header = new StringBuilder("社区名称,户数");
        StringBuilder first = new StringBuilder("乐山社区,12");
        StringBuilder second = new StringBuilder("兴胜社区,13");
        for (int i = 1; i <= extra; i++) {
            header.append(",附加列").append(i);
            first.append(',').append(i);
            second.append(',');
        }
        Path file = Files.writeString(
                dir.resolve(location), header + "\n" + first + "\n" + second + "\n", StandardCharsets.UTF_8);

        Outcome out = stage(file, location);

        assertThat(out.accounts())
                .singleElement()
                .satisfies(a -> assertThat(a.rowsRead()).isEqualTo(2L));
        assertThat(out.staged())
                .extracting(r -> r.getAs("community_name"), r -> r.getAs("households"))
                .as("the contract's columns staged whatever stands beside them")
                .containsExactly(Tuple.tuple("乐山社区", 12L), Tuple.tuple("兴胜社区", 13L));
        assertThat(out.staging().findings())
                .as("each column no field claims is named, none dropped silently")
                .filteredOn(
                        f -> f.kind().equals("unknown_header") && f.location().equals(location))
                .hasSize(extra)
                .extracting(SourceFinding::value)
                .contains("附加列1", "附加列" + extra);
    }
}
