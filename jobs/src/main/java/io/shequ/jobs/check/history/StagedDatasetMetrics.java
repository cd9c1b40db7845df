package io.shequ.jobs.check.history;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.runners.AnalysisRunBuilder;
import com.amazon.deequ.analyzers.runners.AnalysisRunner;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.metrics.Metric;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Option;
import scala.util.Try;

/**
 * Staged dataset → its metrics, all computed by one Deequ {@code AnalysisRunner} run (Deequ
 * shares one scan among the analyzers that can). A metric Deequ could not compute (a sum of a
 * column with only nulls) is left out; rules on it then say so.
 */
final class StagedDatasetMetrics {

    private StagedDatasetMetrics() {
    }

    static List<DatasetMetric> compute(Dataset<Row> data, Collection<MetricKey> keys) {
        Map<Analyzer<?, Metric<?>>, MetricKey> analyzers = new LinkedHashMap<>();
        AnalysisRunBuilder run = AnalysisRunner.onData(data);
        for (MetricKey key : keys) {
            MetricName name = MetricName.parse(key.metric()).orElseThrow();
            Analyzer<?, Metric<?>> analyzer = name.analyzer(key.column());
            if (analyzers.putIfAbsent(analyzer, key) == null) {
                run = run.addAnalyzer(analyzer);
            }
        }
        AnalyzerContext context = run.run();
        List<DatasetMetric> metrics = new ArrayList<>();
        analyzers.forEach((analyzer, key) -> {
            Option<Metric<?>> metric = context.metric(analyzer);
            if (metric.isDefined()) {
                Try<?> value = metric.get().value();
                if (value.isSuccess() && value.get() instanceof Number number) {
                    metrics.add(new DatasetMetric(key.dataset(), key.metric(), key.column(), number.doubleValue()));
                }
            }
        });
        return metrics;
    }
}
