package io.shequ.jobs.gridstate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The keys an increment names, sent whole to every task when they are few, so that the state's
 * rows they name are found by a broadcast join while the state is read, instead of shuffling the
 * whole state by key. A day's increment names thousands of events against a state of millions; an
 * increment naming more than {@link #MOST} keys (a first backfill of years) is joined the usual way.
 */
final class IncrementKeys {

    /** The most keys broadcast: some tens of MiB of hashed keys on every executor. */
    static final long MOST = 1_000_000;

    private static final String KEY = "_increment_key";

    private final Dataset<Row> keys;
    private final String key;

    private IncrementKeys(Dataset<Row> keys, String key) {
        this.keys = keys;
        this.key = key;
    }

    /** The distinct {@code key}s of {@code increment}, when few enough to broadcast. */
    static Optional<IncrementKeys> of(Dataset<Row> increment, String key) {
        Dataset<Row> keys = increment.select(col(key).as(KEY)).distinct();
        return keys.count() > MOST ? Optional.empty() : Optional.of(new IncrementKeys(broadcast(keys), key));
    }

    /** The rows of {@code state} whose key the increment names. */
    Dataset<Row> named(Dataset<Row> state) {
        return state.join(keys, matches(state), "left_semi");
    }

    /** The rows of {@code state} whose key the increment does not name. */
    Dataset<Row> unnamed(Dataset<Row> state) {
        return state.join(keys, matches(state), "left_anti");
    }

    private Column matches(Dataset<Row> state) {
        return state.col(key).equalTo(keys.col(KEY));
    }
}
