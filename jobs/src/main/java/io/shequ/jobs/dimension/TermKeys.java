package io.shequ.jobs.dimension;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Facts → the same facts with the surrogate key of a small unversioned dimension (a taxonomy),
 * looked up by code; a code the dimension does not have gets a null key.
 */
public final class TermKeys {

    private final Dataset<Row> dimension;
    private final String code;
    private final String key;

    public TermKeys(Dataset<Row> dimension, String code, String key) {
        this.dimension = dimension;
        this.code = code;
        this.key = key;
    }

    /** {@code facts} with the dimension's key column added for the code in {@code factCode}. */
    public Dataset<Row> attach(Dataset<Row> facts, Column factCode) {
        Dataset<Row> terms = dimension.select(col(code).as("_t_code"), col(key));
        return facts.withColumn("_t_fact_code", factCode.cast("string"))
                .join(broadcast(terms), col("_t_fact_code").equalTo(col("_t_code")), "left")
                .drop("_t_fact_code", "_t_code");
    }
}
