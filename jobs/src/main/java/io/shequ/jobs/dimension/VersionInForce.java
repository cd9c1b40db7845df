package io.shequ.jobs.dimension;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

/**
 * Facts → the same facts with the surrogate key of the dimension version in force when each fact
 * happened: the member's version with the latest {@code valid_from} not after the fact's time.
 * A fact older than the member's first version takes that first version (vendor clocks and
 * creation dates disagree), a fact whose member is not in the dimension gets a null key.
 *
 * <p>{@link #attach} reads its facts twice (their distinct codes and times, then the join), so n
 * keys attached in a chain plan the facts' lineage 2^n times: a caller chaining keys on facts with
 * a long lineage computes them once first ({@code GridEventKeys}).
 */
public final class VersionInForce {

    private final Dataset<Row> dimension;
    private final String naturalKey;
    private final String key;

    /** A type-2 dimension of {@link TypeTwoDimension}'s shape, its natural key and surrogate key columns. */
    public VersionInForce(Dataset<Row> dimension, String naturalKey, String key) {
        this.dimension = dimension;
        this.naturalKey = naturalKey;
        this.key = key;
    }

    /** {@code facts} with {@code keyColumn} added: the key of the version of {@code code} in force at {@code at}. */
    public Dataset<Row> attach(Dataset<Row> facts, Column code, Column at, String keyColumn) {
        DataType validType =
                dimension.schema().apply(TypeTwoDimension.VALID_FROM).dataType();
        Dataset<Row> located =
                facts.withColumn("_vif_code", code.cast("string")).withColumn("_vif_at", at.cast(validType));
        Dataset<Row> versions = dimension.select(
                col(naturalKey).as("_d_code"),
                col(key).as("_d_key"),
                col(TypeTwoDimension.VALID_FROM).as("_d_from"));
        Column eligible = coalesce(col("_d_from").isNull().or(col("_d_from").leq(col("_vif_at"))), lit(false));
        Dataset<Row> keys = located.select("_vif_code", "_vif_at")
                .distinct()
                .join(broadcast(versions), col("_vif_code").equalTo(col("_d_code")))
                .groupBy("_vif_code", "_vif_at")
                .agg(coalesce(
                                max_by(when(eligible, col("_d_key")), when(eligible, struct(col("_d_from")))),
                                min_by(col("_d_key"), when(eligible.unary_$bang(), col("_d_from"))))
                        .as(keyColumn))
                .withColumnRenamed("_vif_code", "_k_code")
                .withColumnRenamed("_vif_at", "_k_at");
        return located.join(
                        keys,
                        col("_vif_code")
                                .eqNullSafe(col("_k_code"))
                                .and(col("_vif_at").eqNullSafe(col("_k_at"))),
                        "left")
                .drop("_vif_code", "_vif_at", "_k_code", "_k_at");
    }
}
