package io.shequ.jobs.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Sizes a step's shuffle partitions by the bytes it reads: a fixed count is too many tasks for a
 * district and too few, large ones for a city. The count is an upper bound: adaptive execution
 * ({@link SparkSessionFactory}) merges the partitions a shuffle does not fill, so small data still
 * runs as few tasks.
 */
public final class ShufflePartitions {

    /** Parquet bytes per shuffle partition; rows take several times this once decoded and shuffled. */
    static final long BYTES_PER_PARTITION = 8L << 20;

    static final int MAX = 400;
    private static final String KEY = "spark.sql.shuffle.partitions";

    private ShufflePartitions() {}

    /** Sets the session's shuffle partitions for {@code inputs}, never below {@code floor} (the configured count). */
    public static int sizeFor(SparkSession spark, int floor, Path... inputs) {
        int partitions = count(floor, bytes(inputs));
        spark.conf().set(KEY, Integer.toString(partitions));
        return partitions;
    }

    static int count(int floor, long bytes) {
        long byInput = (bytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
        return (int) Math.max(floor, Math.min(MAX, byInput));
    }

    private static long bytes(Path... inputs) {
        long total = 0;
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(input)) {
                total += files.filter(Files::isRegularFile)
                        .mapToLong(ShufflePartitions::size)
                        .sum();
            } catch (IOException e) {
                throw new UncheckedIOException("measuring " + input, e);
            }
        }
        return total;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            // a file removed while walking (an old state being pruned) reads nothing
            return 0;
        }
    }
}
