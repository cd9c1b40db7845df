package io.shequ.jobs.conform;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The facts kept from the previous run, the touched events and their recomputed facts → the new
 * facts: every touched event's earlier row leaves (it may have moved partition, or be rejected
 * now) and its recomputed row, if it has one, takes its place; every other row stays as it was.
 * Merging the same recomputation twice gives the same facts, so a restarted run recomputes the
 * result of the run it replaces.
 */
public final class TouchedFactsMerge {

    public Dataset<Row> apply(Dataset<Row> previous, Dataset<Row> touched, Dataset<Row> recomputed) {
        return previous.join(touched, previous.col("event_id").equalTo(touched.col("event_id")), "left_anti")
                .unionByName(recomputed);
    }
}
