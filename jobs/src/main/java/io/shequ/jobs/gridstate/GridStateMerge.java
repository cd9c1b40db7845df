package io.shequ.jobs.gridstate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The current merged grid state ∪ this run's staged increment → the new merged state: per grid
 * and per event the row with the latest {@code updated_at} wins (the increment on a tie, since it
 * was read later), so an event whose status moved on is updated, never duplicated; an event's
 * flows are replaced by those of its latest extract, because the vendor may renumber or remove them.
 */
public final class GridStateMerge {

    private static final String FROM_INCREMENT = "_from_increment";

    public GridState apply(Optional<GridState> current, GridState increment) {
        if (current.isEmpty()) {
            return increment;
        }
        GridState before = current.get();
        Dataset<Row> covered = increment
                .events()
                .select("event_id")
                .union(increment.flows().select("event_id"))
                .distinct();
        Dataset<Row> keptFlows = before.flows()
                .join(covered, before.flows().col("event_id").equalTo(covered.col("event_id")), "left_anti");
        return new GridState(
                latest(before.grids(), increment.grids(), "grid_code"),
                latest(before.events(), increment.events(), "event_id"),
                keptFlows.unionByName(increment.flows(), true));
    }

    /**
     * Per key the latest row. Only the state's rows whose key the increment names can lose to it:
     * when its keys are few they are picked out by a broadcast join and ranked with the increment,
     * and the rest of the state passes through unshuffled.
     */
    private static Dataset<Row> latest(Dataset<Row> before, Dataset<Row> increment, String key) {
        Optional<IncrementKeys> named = IncrementKeys.of(increment, key);
        if (named.isEmpty()) {
            return ranked(before, increment, key);
        }
        return named.get().unnamed(before).unionByName(ranked(named.get().named(before), increment, key), true);
    }

    private static Dataset<Row> ranked(Dataset<Row> before, Dataset<Row> increment, String key) {
        Dataset<Row> all = before.withColumn(FROM_INCREMENT, lit(0))
                .unionByName(increment.withColumn(FROM_INCREMENT, lit(1)), true);
        return all.withColumn(
                        "_rank",
                        row_number()
                                .over(Window.partitionBy(col(key))
                                        .orderBy(
                                                col("updated_at").desc_nulls_last(),
                                                col(FROM_INCREMENT).desc())))
                .filter(col("_rank").equalTo(1))
                .drop("_rank", FROM_INCREMENT);
    }
}
