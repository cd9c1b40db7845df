package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * Keeps, per key, the row of the latest submission: a corrected report or an amended ledger row
 * supersedes what came before. Latest means the later arrival in the landing area, then (for
 * files that arrived together) the later modification time, then the later file name, then the
 * later line, so the choice is total and the same on every run.
 */
public final class LatestSubmission {

    private static final String RANK = "_submission_rank";

    private LatestSubmission() {}

    /**
     * The rows of the latest file per distinct value of {@code keys}: a resubmitted report replaces
     * the earlier file as a whole, so a row the correction dropped does not survive from the old one.
     */
    public static Dataset<Row> latestFile(Dataset<Row> staged, String... keys) {
        Column[] partition = Arrays.stream(keys).map(functions::col).toArray(Column[]::new);
        Column file = struct(col("arrived_millis"), col("modified_millis"), col("source_file"));
        return staged.withColumn(RANK, max(file).over(Window.partitionBy(partition)))
                .filter(col(RANK).equalTo(file))
                .drop(RANK);
    }

    /**
     * The rows {@link #latestFile} leaves out, each with {@code superseded_by}: the file that replaces it.
     * What value accounting names as superseded, from the same ordering that decides it.
     */
    public static Dataset<Row> notLatestFile(Dataset<Row> staged, String... keys) {
        Column[] partition = Arrays.stream(keys).map(functions::col).toArray(Column[]::new);
        Column file = struct(col("arrived_millis"), col("modified_millis"), col("source_file"));
        return staged.withColumn(RANK, max(file).over(Window.partitionBy(partition)))
                .filter(col(RANK).notEqual(file))
                .withColumn(SUPERSEDED_BY, col(RANK + ".source_file"))
                .drop(RANK);
    }

    /** The rows {@link #of} leaves out, each with {@code superseded_by}: the {@code file:line} kept instead. */
    public static Dataset<Row> notLatest(Dataset<Row> staged, String... keys) {
        Column[] partition = Arrays.stream(keys).map(functions::col).toArray(Column[]::new);
        var order = Window.partitionBy(partition)
                .orderBy(
                        col("arrived_millis").desc(),
                        col("modified_millis").desc(),
                        col("source_file").desc(),
                        col("source_line").desc());
        return staged.withColumn(RANK, row_number().over(order))
                .withColumn(
                        SUPERSEDED_BY,
                        concat(
                                first(col("source_file")).over(order),
                                lit(":"),
                                first(col("source_line")).over(order).cast("string")))
                .filter(col(RANK).gt(1))
                .drop(RANK);
    }

    /** The column {@link #notLatest} and {@link #notLatestFile} name the replacing submission in. */
    public static final String SUPERSEDED_BY = "superseded_by";

    /** One row per distinct value of {@code keys} in {@code staged}: the latest submitted. */
    public static Dataset<Row> of(Dataset<Row> staged, String... keys) {
        Column[] partition = Arrays.stream(keys).map(functions::col).toArray(Column[]::new);
        return staged.withColumn(
                        RANK,
                        row_number()
                                .over(Window.partitionBy(partition)
                                        .orderBy(
                                                col("arrived_millis").desc(),
                                                col("modified_millis").desc(),
                                                col("source_file").desc(),
                                                col("source_line").desc())))
                .filter(col(RANK).equalTo(1))
                .drop(RANK);
    }
}
