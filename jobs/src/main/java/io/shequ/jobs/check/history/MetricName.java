package io.shequ.jobs.check.history;

import java.util.Arrays;
import java.util.Optional;

/**
 * The metrics kept in the history, with the values Deequ's analyzers of the same names give
 * ({@link StagedDatasetMetrics} computes them all in one pass). The written name is what rule
 * files and the {@code shequ_dq_metric} table use.
 */
public enum MetricName {

    /** Rows in the dataset (Deequ {@code Size}). */
    ROW_COUNT("row_count", false),
    /** Fraction of rows whose column is not null (Deequ {@code Completeness}). */
    COMPLETENESS("completeness", true),
    /** Exact number of distinct non-null values of the column (Deequ {@code CountDistinct}). */
    DISTINCT("distinct", true),
    /** Sum of a numeric column, nulls left out (Deequ {@code Sum}). */
    SUM("sum", true);

    private final String written;
    private final boolean needsColumn;

    MetricName(String written, boolean needsColumn) {
        this.written = written;
        this.needsColumn = needsColumn;
    }

    public String written() {
        return written;
    }

    public boolean needsColumn() {
        return needsColumn;
    }

    public static Optional<MetricName> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.written.equals(text)).findFirst();
    }

    public static String writtenNames() {
        return String.join(
                ", ", Arrays.stream(values()).map(MetricName::written).toList());
    }
}
