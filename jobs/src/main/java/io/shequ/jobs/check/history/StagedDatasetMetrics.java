package io.shequ.jobs.check.history;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * Staged dataset (or lake table) → its metrics, all from one aggregate: one pass over the rows,
 * where Deequ's runner needed a scan plus a grouping pass and a count for every distinct count.
 * The values are Deequ's: completeness is non-null rows / rows, a sum is the column's sum as a
 * double, a distinct count leaves nulls out. A metric that cannot be computed is left out, as
 * Deequ fails it, and rules on it then say so: completeness of an empty dataset, a sum of a column
 * with only nulls or that is not numeric, any metric of a column the dataset lacks.
 */
final class StagedDatasetMetrics {

    private StagedDatasetMetrics() {
    }

    static List<DatasetMetric> compute(Dataset<Row> data, Collection<MetricKey> keys) {
        StructType schema = data.schema();
        List<String> columns = Arrays.asList(schema.fieldNames());
        List<Column> aggregates = new ArrayList<>(List.of(count(lit(1))));
        Map<MetricKey, Integer> positions = new LinkedHashMap<>();
        for (MetricKey key : keys) {
            MetricName name = MetricName.parse(key.metric()).orElseThrow();
            if (name == MetricName.ROW_COUNT) {
                positions.put(key, 0);
                continue;
            }
            if (!columns.contains(key.column())) {
                continue;
            }
            Column column = data.col("`" + key.column() + "`");
            Column aggregate = switch (name) {
                case COMPLETENESS -> count(column);
                case DISTINCT -> count_distinct(column);
                case SUM -> schema.apply(key.column()).dataType() instanceof NumericType ? sum(column).cast("double") : null;
                case ROW_COUNT -> throw new IllegalStateException("handled above");
            };
            if (aggregate != null) {
                positions.put(key, aggregates.size());
                aggregates.add(aggregate);
            }
        }
        Row values = data.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
        long rows = values.getLong(0);
        List<DatasetMetric> metrics = new ArrayList<>();
        positions.forEach((key, position) -> {
            Double value = switch (MetricName.parse(key.metric()).orElseThrow()) {
                case ROW_COUNT -> (double) rows;
                case COMPLETENESS -> rows == 0 ? null : values.getLong(position) / (double) rows;
                case DISTINCT -> (double) values.getLong(position);
                case SUM -> values.isNullAt(position) ? null : values.getDouble(position);
            };
            if (value != null) {
                metrics.add(new DatasetMetric(key.dataset(), key.metric(), key.column(), value));
            }
        });
        return metrics;
    }
}
