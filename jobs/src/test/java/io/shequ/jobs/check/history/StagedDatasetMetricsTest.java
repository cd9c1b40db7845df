package io.shequ.jobs.check.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Completeness;
import com.amazon.deequ.analyzers.CountDistinct;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.analyzers.Sum;
import com.amazon.deequ.analyzers.runners.AnalysisRunBuilder;
import com.amazon.deequ.analyzers.runners.AnalysisRunner;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.metrics.Metric;
import io.shequ.jobs.spark.TestSpark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * The one-pass metrics give what Deequ's analyzers of the same names give, and leave out what
 * Deequ cannot compute: the history recorded before the change stays comparable.
 */
class StagedDatasetMetricsTest {

    private static SparkSession spark;

    @BeforeAll
    static void spark() {
        spark = TestSpark.session();
    }

    private static final List<MetricKey> KEYS = List.of(
            new MetricKey("d", "row_count", "*"),
            new MetricKey("d", "completeness", "name"),
            new MetricKey("d", "completeness", "amount"),
            new MetricKey("d", "distinct", "name"),
            new MetricKey("d", "distinct", "amount"),
            new MetricKey("d", "sum", "amount"),
            new MetricKey("d", "sum", "households"),
            new MetricKey("d", "sum", "name"),
            new MetricKey("d", "completeness", "no_such_column"));

    private static Dataset<Row> rows(String where) {
        return spark.sql(
                "SELECT * FROM VALUES ('a', 1.25BD, CAST(NULL AS BIGINT)), ('a', NULL, NULL), (NULL, 2.50BD, NULL),"
                        + " ('b', 0.10BD, NULL), ('c', 0.20BD, NULL) AS t(name, amount, households) WHERE " + where);
    }

    @Test
    void metricsAreDeequsAnalyzersInOnePass() {
        Dataset<Row> data = rows("true");
        assertThat(values(StagedDatasetMetrics.compute(data, KEYS))).isEqualTo(deequ(data));
        assertThat(values(StagedDatasetMetrics.compute(data, KEYS)))
                .as("a sum of only nulls, a sum of text and a missing column are left out, as Deequ fails them")
                .doesNotContainKeys("sum households", "sum name", "completeness no_such_column")
                .containsEntry("distinct name", 3.0)
                .containsEntry("completeness amount", 0.8);
    }

    @Test
    void anEmptyDatasetHasARowCountAndDistinctCountsButNoCompleteness() {
        Dataset<Row> empty = rows("false");
        assertThat(values(StagedDatasetMetrics.compute(empty, KEYS)))
                .isEqualTo(deequ(empty))
                .containsEntry("row_count *", 0.0)
                .doesNotContainKey("completeness name");
    }

    private static Map<String, Double> values(List<DatasetMetric> metrics) {
        Map<String, Double> values = new LinkedHashMap<>();
        metrics.forEach(m -> values.put(m.metric() + " " + m.column(), m.value()));
        return values;
    }

    /** The same keys through Deequ's AnalysisRunner, as the history was measured before. */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> deequ(Dataset<Row> data) {
        Map<String, Analyzer<?, Metric<?>>> analyzers = new LinkedHashMap<>();
        AnalysisRunBuilder run = AnalysisRunner.onData(data);
        for (MetricKey key : KEYS) {
            Object analyzer = switch (key.metric()) {
                case "row_count" -> new Size(Option.empty());
                case "completeness" -> new Completeness(key.column(), Option.empty(), Option.empty());
                case "distinct" ->
                    new CountDistinct(
                            JavaConverters.asScalaBuffer(List.of(key.column())).toSeq());
                default -> new Sum(key.column(), Option.empty());
            };
            analyzers.put(key.metric() + " " + key.column(), (Analyzer<?, Metric<?>>) analyzer);
            run = run.addAnalyzer((Analyzer<?, Metric<?>>) analyzer);
        }
        AnalyzerContext context = run.run();
        Map<String, Double> values = new LinkedHashMap<>();
        analyzers.forEach((name, analyzer) -> {
            Option<Metric<?>> metric = context.metric(analyzer);
            if (metric.isDefined() && metric.get().value().isSuccess()) {
                values.put(name, ((Number) metric.get().value().get()).doubleValue());
            }
        });
        return values;
    }
}
