package io.shequ.jobs.gridstate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a run's staged increment changes in the committed grid state: the events whose row or
 * whose set of flows differs from what the state holds, and the grids whose row differs. Rows the
 * extract read again (its watermark overlap, a rerun with nothing new) and that the state already
 * holds as they are change nothing. A superset is harmless (those events are recomputed to what
 * they were); an event the merge changes is never left out.
 *
 * @param events event_id of every changed event (rows or flows), cached: {@link #release} when done
 * @param grids  grid_code of every grid whose row changed
 */
public record GridStateChanges(Dataset<Row> events, Set<String> grids) {

    private static final String HASH = "_row_hash";

    public GridStateChanges {
        grids = Set.copyOf(grids);
    }

    /** True when merging the increment leaves the state as it is. */
    public boolean none() {
        return grids.isEmpty() && events.isEmpty();
    }

    /** Drops the cached event ids. */
    public void release() {
        events.unpersist();
    }

    /**
     * @param before    the committed merged state
     * @param increment the run's staged increment, its reporters pseudonymized as the state holds them
     */
    public static GridStateChanges between(GridState before, GridState increment) {
        Dataset<Row> covered = increment
                .events()
                .select("event_id")
                .union(increment.flows().select("event_id"))
                .distinct();
        Dataset<Row> events = changedRows(before.events(), increment.events(), "event_id")
                .union(changedFlowSets(before.flows(), increment.flows(), covered))
                .distinct()
                .cache();
        Set<String> grids = new TreeSet<>();
        for (Row r : changedRows(before.grids(), increment.grids(), "grid_code").collectAsList()) {
            grids.add(String.valueOf(r.get(0)));
        }
        return new GridStateChanges(events, grids);
    }

    /** Keys of increment rows the state does not hold with every column the same. */
    private static Dataset<Row> changedRows(Dataset<Row> before, Dataset<Row> increment, String key) {
        if (!sameColumns(before, increment)) {
            return increment.select(key).distinct();
        }
        Column hash = rowHash(increment.columns());
        // only the state's rows the increment names can be the same as its rows
        Dataset<Row> named =
                IncrementKeys.of(increment, key).map(keys -> keys.named(before)).orElse(before);
        Dataset<Row> held = named.select(col(key).as("_held_key"), hash.as("_held_hash"));
        Dataset<Row> next = increment.select(col(key), hash.as(HASH));
        return next.join(
                        held, col(key).equalTo(col("_held_key")).and(col(HASH).equalTo(col("_held_hash"))), "left_anti")
                .select(key)
                .distinct();
    }

    /** Events whose flows in the increment (which replace theirs in the state) are not the state's. */
    private static Dataset<Row> changedFlowSets(Dataset<Row> before, Dataset<Row> increment, Dataset<Row> covered) {
        if (!sameColumns(before, increment)) {
            return covered;
        }
        Column hash = rowHash(increment.columns());
        Dataset<Row> next = flowSets(increment, hash, "n");
        Dataset<Row> held = flowSets(before.join(covered, "event_id", "left_semi"), hash, "h");
        Column same = coalesce(col("n_rows"), lit(0L))
                .equalTo(coalesce(col("h_rows"), lit(0L)))
                .and(col("n_sum").eqNullSafe(col("h_sum")));
        return covered.join(next, "event_id", "left")
                .join(held, "event_id", "left")
                .filter(same.unary_$bang())
                .select("event_id");
    }

    private static Dataset<Row> flowSets(Dataset<Row> flows, Column hash, String prefix) {
        return flows.groupBy("event_id")
                .agg(
                        count(lit(1)).as(prefix + "_rows"),
                        sum(hash.cast("decimal(38,0)")).as(prefix + "_sum"));
    }

    private static boolean sameColumns(Dataset<Row> before, Dataset<Row> increment) {
        return Arrays.equals(sortedTypes(before), sortedTypes(increment));
    }

    private static String[] sortedTypes(Dataset<Row> rows) {
        return Arrays.stream(rows.schema().fields())
                .map(f -> f.name() + ":" + f.dataType().simpleString())
                .sorted()
                .toArray(String[]::new);
    }

    /** One hash of every column, by name order so both sides agree whatever their column order. */
    private static Column rowHash(String[] columns) {
        return xxhash64(Arrays.stream(columns).sorted().map(c -> col(c)).toArray(Column[]::new));
    }
}
