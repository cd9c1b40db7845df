package io.shequ.jobs.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The content of a table's rows, partition by partition, as a fingerprint per partition: the row
 * count and the sum of a 64-bit hash of every row. Order does not matter; any changed, added or
 * removed row changes it. One aggregate over the rows computes every partition's fingerprint.
 *
 * <p>Each lake commit stores the fingerprints of the whole table after it in the Iceberg
 * snapshot's summary ({@link #PROPERTY}), so the next run compares the rows it would write with
 * what the table holds without reading the table.
 */
record PartitionFingerprints(Map<String, String> byPartition) {

    /** Snapshot summary property holding the table's fingerprints as JSON. */
    static final String PROPERTY = "shequ.partition-fingerprints";
    /** The key of an unpartitioned table's one "partition". */
    static final String WHOLE = "";

    private static final ObjectMapper JSON = new ObjectMapper();

    PartitionFingerprints {
        byPartition = Map.copyOf(new TreeMap<>(byPartition));
    }

    /** The fingerprints of {@code rows} by the values of {@code partitionColumns} (none: one for the whole). */
    static PartitionFingerprints of(Dataset<Row> rows, List<String> partitionColumns) {
        Column[] every = Arrays.stream(rows.columns()).map(functions::col).toArray(Column[]::new);
        Column key = key(partitionColumns);
        List<Row> sums = rows.groupBy(key.as("partition_key"))
                .agg(
                        functions.count(functions.lit(1)).as("row_count"),
                        // summed as decimal: a long sum of hashes would overflow
                        functions
                                .sum(functions.xxhash64(every).cast("decimal(38,0)"))
                                .as("hash_sum"))
                .collectAsList();
        Map<String, String> fingerprints = new TreeMap<>();
        for (Row row : sums) {
            fingerprints.put(
                    row.getString(0), row.getLong(1) + ":" + row.getDecimal(2).toPlainString());
        }
        return new PartitionFingerprints(fingerprints);
    }

    /** The partition key of each row, as {@link #of} keys it: the partition values joined by {@code /}. */
    static Column key(List<String> partitionColumns) {
        if (partitionColumns.isEmpty()) {
            return functions.lit(WHOLE);
        }
        Column[] values = partitionColumns.stream()
                .map(c -> functions.coalesce(functions.col(c).cast("string"), functions.lit("null")))
                .toArray(Column[]::new);
        return functions.concat_ws("/", values);
    }

    /** Fingerprints a snapshot summary recorded; empty when it has none (a table written before they were kept). */
    static PartitionFingerprints parse(String json) {
        if (json == null || json.isBlank()) {
            return new PartitionFingerprints(Map.of());
        }
        try {
            return new PartitionFingerprints(JSON.readValue(json, new TypeReference<Map<String, String>>() {}));
        } catch (JsonProcessingException e) {
            // an unreadable record only costs a rewrite
            return new PartitionFingerprints(Map.of());
        }
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(new TreeMap<>(byPartition));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fingerprints are plain strings", e);
        }
    }

    /** The partitions of {@code next} whose content differs from this table's, or that it lacks. */
    List<String> changedIn(PartitionFingerprints next) {
        return next.byPartition.entrySet().stream()
                .filter(e -> !e.getValue().equals(byPartition.get(e.getKey())))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The partitions this table holds that {@code next} has no row in. */
    List<String> vanishedIn(PartitionFingerprints next) {
        return byPartition.keySet().stream()
                .filter(k -> !next.byPartition.containsKey(k))
                .sorted()
                .toList();
    }

    /** This table's fingerprints with {@code next}'s partitions replacing or adding to them. */
    PartitionFingerprints overwrittenBy(PartitionFingerprints next) {
        Map<String, String> merged = new TreeMap<>(byPartition);
        merged.putAll(next.byPartition);
        return new PartitionFingerprints(merged);
    }

    boolean isEmpty() {
        return byPartition.isEmpty();
    }
}
