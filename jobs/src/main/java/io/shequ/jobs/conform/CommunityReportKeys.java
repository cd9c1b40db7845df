package io.shequ.jobs.conform;

import static org.apache.spark.sql.functions.col;

import io.shequ.jobs.dimension.VersionInForce;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code fct_community_reports} → the same facts with {@code division_key}, the community's version
 * in force at the end of the reporting period, and {@code period_end_date_key}.
 */
public final class CommunityReportKeys {

    private final Dataset<Row> divisions;

    public CommunityReportKeys(Dataset<Row> divisions) {
        this.divisions = divisions;
    }

    public Dataset<Row> apply(Dataset<Row> facts) {
        return new VersionInForce(divisions, DivisionsToDimension.CODE, DivisionsToDimension.KEY)
                .attach(facts, col("community_code"), col("period_end"), "division_key")
                .withColumn("period_end_date_key", YearsToDates.dateKey(col("period_end")));
    }
}
