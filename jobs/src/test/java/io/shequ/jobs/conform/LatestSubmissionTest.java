package io.shequ.jobs.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.shequ.jobs.stage.LandedFiles;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LatestSubmissionTest {

    private static final StructType REPORTS = new StructType()
            .add("street_code", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("community_code", DataTypes.StringType)
            .add("households", DataTypes.LongType)
            .add("arrived_millis", DataTypes.LongType)
            .add("modified_millis", DataTypes.LongType)
            .add("source_file", DataTypes.StringType)
            .add("source_line", DataTypes.IntegerType);

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LandedFiles.localSpark();
    }

    private static Row report(
            String street, String community, long households, long arrived, long modified, String file, int line) {
        return RowFactory.create(street, "2023-01", community, households, arrived, modified, file, line);
    }

    @Test
    void aResubmittedReportReplacesTheEarlierFileAsAWhole() {
        Dataset<Row> staged = spark.createDataFrame(
                List.of(
                        // A: the later arrival wins, though its file is older; the row it dropped does not survive
                        report("A", "A1", 10, 100, 900, "a-first.csv", 2),
                        report("A", "A2", 20, 100, 900, "a-first.csv", 3),
                        report("A", "A1", 11, 200, 100, "a-corrected.csv", 2),
                        // B: both arrived together: the later modification wins
                        report("B", "B1", 30, 300, 500, "b-1.csv", 2),
                        report("B", "B1", 31, 300, 400, "b-2.csv", 2),
                        // C: same arrival and modification: the later file name wins, then its later line
                        report("C", "C1", 40, 300, 400, "c-1.csv", 2),
                        report("C", "C1", 41, 300, 400, "c-2.csv", 2),
                        report("C", "C1", 42, 300, 400, "c-2.csv", 5)),
                REPORTS);

        Dataset<Row> latest = LatestSubmission.of(
                LatestSubmission.latestFile(staged, "street_code", "period"), "community_code", "period");

        assertThat(latest.orderBy("community_code").collectAsList())
                .extracting(r -> r.getAs("community_code"), r -> r.getAs("households"), r -> r.getAs("source_file"))
                .containsExactly(
                        tuple("A1", 11L, "a-corrected.csv"), tuple("B1", 30L, "b-1.csv"), tuple("C1", 42L, "c-2.csv"));
        assertThat(latest.columns()).as("no helper column left behind").containsExactly(REPORTS.fieldNames());
    }

    @Test
    void theRowsLeftOutAreNamedWithTheSubmissionThatReplacesThem() {
        Dataset<Row> staged = spark.createDataFrame(
                List.of(
                        report("A", "A1", 10, 100, 900, "a-first.csv", 2),
                        report("A", "A2", 20, 100, 900, "a-first.csv", 3),
                        report("A", "A1", 11, 200, 100, "a-corrected.csv", 2),
                        report("C", "C1", 41, 300, 400, "c-2.csv", 2),
                        report("C", "C1", 42, 300, 400, "c-2.csv", 5)),
                REPORTS);

        Dataset<Row> latestFiles = LatestSubmission.latestFile(staged, "street_code", "period");
        assertThat(LatestSubmission.notLatestFile(staged, "street_code", "period")
                        .orderBy("source_line")
                        .collectAsList())
                .as("the earlier file's rows, the one the correction dropped too")
                .extracting(
                        r -> r.getAs("source_file"),
                        r -> r.getAs("source_line"),
                        r -> r.getAs(LatestSubmission.SUPERSEDED_BY))
                .containsExactly(
                        tuple("a-first.csv", 2, "a-corrected.csv"), tuple("a-first.csv", 3, "a-corrected.csv"));
        assertThat(LatestSubmission.notLatest(latestFiles, "community_code", "period")
                        .collectAsList())
                .as("an earlier row of the same community in the kept file")
                .extracting(
                        r -> r.getAs("source_file"),
                        r -> r.getAs("source_line"),
                        r -> r.getAs(LatestSubmission.SUPERSEDED_BY))
                .containsExactly(tuple("c-2.csv", 2, "c-2.csv:5"));
        assertThat(LatestSubmission.notLatestFile(staged, "street_code", "period")
                                .count()
                        + LatestSubmission.notLatest(latestFiles, "community_code", "period")
                                .count()
                        + LatestSubmission.of(latestFiles, "community_code", "period")
                                .count())
                .as("kept and left out add up to the staged rows")
                .isEqualTo(staged.count());
    }

    @Test
    void anAmendmentRowReplacesTheOriginalProject() {
        StructType ledger = new StructType()
                .add("project_no", DataTypes.StringType)
                .add("amount", DataTypes.LongType)
                .add("arrived_millis", DataTypes.LongType)
                .add("modified_millis", DataTypes.LongType)
                .add("source_file", DataTypes.StringType)
                .add("source_line", DataTypes.IntegerType);
        Dataset<Row> staged = spark.createDataFrame(
                List.of(
                        RowFactory.create("P1", 100L, 1_000L, 9_000L, "台账.xlsx", 3),
                        RowFactory.create("P2", 200L, 1_000L, 9_000L, "台账.xlsx", 4),
                        RowFactory.create("P1", 150L, 2_000L, 1_000L, "变更.xlsx", 3)),
                ledger);

        assertThat(LatestSubmission.of(staged, "project_no")
                        .orderBy("project_no")
                        .collectAsList())
                .extracting(r -> r.getAs("project_no"), r -> r.getAs("amount"))
                .containsExactly(tuple("P1", 150L), tuple("P2", 200L));
    }
}
