package io.shequ.jobs.check.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How lake tables sit in the metric history beside the staged datasets: as datasets named
 * {@code lake/<table>}, so one history table holds both, a series never mixes the two stages, and
 * a lake table's files follow by path: anomaly rules in {@code anomaly/lake/<table>.<level>.yml},
 * its profile under the key {@code lake/<table>} of {@code metrics.yml}.
 */
public final class LakeTableMetrics {

    /** The dataset-name prefix of lake tables. */
    public static final String PREFIX = "lake/";

    private LakeTableMetrics() {}

    /** {@code lake/<table>} for a lake table's name. */
    public static String dataset(String table) {
        return PREFIX + table;
    }

    /** Whether a dataset name is a lake table's. */
    public static boolean isLake(String dataset) {
        return dataset.startsWith(PREFIX);
    }

    static Map<String, Dataset<Row>> named(Map<String, Dataset<Row>> tables) {
        Map<String, Dataset<Row>> named = new LinkedHashMap<>();
        tables.forEach((table, rows) -> named.put(dataset(table), rows));
        return named;
    }

    /**
     * {@code section} (a ledger list of metrics or anomaly outcomes) with its lake entries replaced
     * by {@code lake}.
     */
    public static <T> List<T> replaceLake(List<T> section, List<T> lake, Function<T, String> dataset) {
        List<T> all = new ArrayList<>();
        section.stream().filter(t -> !isLake(dataset.apply(t))).forEach(all::add);
        all.addAll(lake);
        return all;
    }
}
