package io.shequ.jobs.gridstate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shequ.jobs.spark.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet folders kept one report month per file. */
class MonthFilesTest {

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    private static Dataset<Row> facts(String... rows) {
        return spark.sql(
                "select * from values " + String.join(", ", rows) + " as t(event_id, report_year, report_month)");
    }

    @Test
    void eachFileHoldsOneMonthAndTheFolderReadsWithItsOwnColumns() {
        Path folder = dir.resolve("facts");
        MonthFiles.write(
                facts("('E1', 2023, 5)", "('E2', 2023, 7)", "('E3', 2023, 7)", "('E4', null, null)"),
                MonthFiles.ofReportMonth(),
                folder,
                Optional.empty(),
                Set.of());

        assertThat(MonthFiles.byMonth(folder).orElseThrow().keySet()).containsExactly(0, 202305, 202307);
        Dataset<Row> all = spark.read().parquet(folder.toString());
        assertThat(all.columns()).containsExactly("event_id", "report_year", "report_month");
        assertThat(all.count()).isEqualTo(4);
        assertThat(MonthFiles.read(spark, folder, Set.of(202307)).collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("E2", "E3");
        assertThat(MonthFiles.read(spark, folder, Set.of(202401)).columns())
                .as("a month with no file reads empty, with the columns")
                .containsExactly("event_id", "report_year", "report_month");
    }

    @Test
    void aRewriteReplacesItsMonthsAndLinksTheRest() throws Exception {
        Path first = dir.resolve("r1");
        Path second = dir.resolve("r2");
        MonthFiles.write(
                facts("('E1', 2023, 5)", "('E2', 2023, 7)"),
                MonthFiles.ofReportMonth(),
                first,
                Optional.empty(),
                Set.of());

        // May is rewritten with E1 gone and E5 in; July is not named
        MonthFiles.write(
                facts("('E5', 2023, 5)"), MonthFiles.ofReportMonth(), second, Optional.of(first), Set.of(202305));

        assertThat(spark.read().parquet(second.toString()).collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("E2", "E5");
        Path july = MonthFiles.byMonth(second).orElseThrow().get(202307).get(0);
        assertThat(Files.isSameFile(
                        july,
                        MonthFiles.byMonth(first).orElseThrow().get(202307).get(0)))
                .isTrue();
        assertThat(spark.read().parquet(first.toString()).collectAsList())
                .extracting(r -> r.getString(0))
                .as("the folder it replaced is as it was")
                .containsExactlyInAnyOrder("E1", "E2");

        // a month named and left with no rows is gone
        Path third = dir.resolve("r3");
        MonthFiles.write(
                facts("('E1', 2023, 5)").filter(col("event_id").equalTo("none")),
                MonthFiles.ofReportMonth(),
                third,
                Optional.of(second),
                Set.of(202305));
        assertThat(MonthFiles.byMonth(third).orElseThrow().keySet()).containsExactly(202307);
    }

    @Test
    void anEmptyTableKeepsItsColumnsInOneFileOfMonthZero() {
        Path folder = dir.resolve("empty");
        MonthFiles.write(
                facts("('E1', 2023, 5)").filter(col("event_id").equalTo("none")),
                MonthFiles.ofReportMonth(),
                folder,
                Optional.empty(),
                Set.of());

        assertThat(MonthFiles.byMonth(folder).orElseThrow().keySet()).containsExactly(0);
        Dataset<Row> read = spark.read().parquet(folder.toString());
        assertThat(read.columns()).containsExactly("event_id", "report_year", "report_month");
        assertThat(read.count()).isZero();
    }

    @Test
    void aFolderWithAFileNamingNoMonthIsReadWholeAndNotFromItself() throws Exception {
        Path plain = dir.resolve("plain");
        facts("('E1', 2023, 5)").write().parquet(plain.toString());
        assertThat(MonthFiles.byMonth(plain)).isEmpty();
        assertThat(MonthFiles.byMonth(dir.resolve("absent"))).isEmpty();

        Path folder = dir.resolve("facts");
        MonthFiles.write(facts("('E1', 2023, 5)"), MonthFiles.ofReportMonth(), folder, Optional.empty(), Set.of());
        assertThatThrownBy(() -> MonthFiles.write(
                        facts("('E2', 2023, 5)"),
                        MonthFiles.ofReportMonth(),
                        folder,
                        Optional.of(folder),
                        Set.of(202305)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(spark.read().parquet(folder.toString()).count())
                .as("the refused rewrite left the folder as it was")
                .isEqualTo(1);
        assertThat(List.of(Files.list(dir).toArray())).hasSize(2);
    }
}
