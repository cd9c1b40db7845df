package io.shequ.jobs.check.history;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Completeness;
import com.amazon.deequ.analyzers.CountDistinct;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.analyzers.Sum;
import com.amazon.deequ.metrics.Metric;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * The metrics kept in the history, each computed by one Deequ analyzer. The written name is what
 * rule files and the {@code shequ_dq_metric} table use; the Deequ name is how Deequ reports it.
 */
public enum MetricName {

    /** Rows in the dataset (Deequ {@code Size}). */
    ROW_COUNT("row_count", "Size", false),
    /** Fraction of rows whose column is not null (Deequ {@code Completeness}). */
    COMPLETENESS("completeness", "Completeness", true),
    /** Exact number of distinct non-null values of the column (Deequ {@code CountDistinct}). */
    DISTINCT("distinct", "CountDistinct", true),
    /** Sum of a numeric column, nulls left out (Deequ {@code Sum}). */
    SUM("sum", "Sum", true);

    private final String written;
    private final String deequName;
    private final boolean needsColumn;

    MetricName(String written, String deequName, boolean needsColumn) {
        this.written = written;
        this.deequName = deequName;
        this.needsColumn = needsColumn;
    }

    public String written() {
        return written;
    }

    public String deequName() {
        return deequName;
    }

    public boolean needsColumn() {
        return needsColumn;
    }

    public static Optional<MetricName> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.written.equals(text)).findFirst();
    }

    public static Optional<MetricName> ofDeequ(String deequName) {
        return Arrays.stream(values()).filter(m -> m.deequName.equals(deequName)).findFirst();
    }

    public static String writtenNames() {
        return String.join(", ", Arrays.stream(values()).map(MetricName::written).toList());
    }

    /** The Deequ analyzer computing this metric on {@code column} ({@code *} for the row count). */
    @SuppressWarnings("unchecked")
    Analyzer<?, Metric<?>> analyzer(String column) {
        Object analyzer = switch (this) {
            case ROW_COUNT -> new Size(Option.empty());
            case COMPLETENESS -> new Completeness(column, Option.empty(), Option.empty());
            case DISTINCT -> new CountDistinct(JavaConverters.asScalaBuffer(List.of(column)).toSeq());
            case SUM -> new Sum(column, Option.empty());
        };
        return (Analyzer<?, Metric<?>>) analyzer;
    }
}
