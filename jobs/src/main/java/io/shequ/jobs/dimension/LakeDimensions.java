package io.shequ.jobs.dimension;

import io.shequ.jobs.spark.SparkSessionFactory;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The dimensions as the lake's current snapshot holds them: the "before" a type-2 build compares
 * today's sources with. A table written by a release before surrogate keys existed counts as
 * absent, so its first keyed build starts the history.
 */
public final class LakeDimensions {

    private final SparkSession spark;

    public LakeDimensions(SparkSession spark) {
        this.spark = spark;
    }

    /** The table's rows, or null when the lake has no such table or it lacks {@code keyColumn}. */
    public Dataset<Row> current(String table, String keyColumn) {
        String name = SparkSessionFactory.CATALOG + "." + SparkSessionFactory.NAMESPACE + "." + table;
        if (!spark.catalog().tableExists(name)) {
            return null;
        }
        Dataset<Row> rows = spark.table(name);
        return List.of(rows.columns()).contains(keyColumn) ? rows : null;
    }
}
