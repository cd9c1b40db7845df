package io.shequ.jobs.check.history;

import com.amazon.deequ.anomalydetection.AbsoluteChangeStrategy;
import com.amazon.deequ.anomalydetection.AnomalyDetectionStrategy;
import com.amazon.deequ.anomalydetection.AnomalyDetector;
import com.amazon.deequ.anomalydetection.DataPoint;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import java.util.List;
import java.util.Locale;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * Judges one anomaly rule: this run's value against the median of the earlier accepted runs, by
 * Deequ's rate-of-change strategies. Without history there is nothing to compare: the rule
 * passes and says so, as it does when this run has no value for the metric.
 */
final class AnomalyDetection {

    private AnomalyDetection() {}

    static AnomalyOutcome judge(AnomalyRule rule, Double value, List<HistoryPoint> history) {
        if (value == null || value.isNaN()) {
            return outcome(
                    rule,
                    AnomalyOutcome.PASSED,
                    value,
                    null,
                    history,
                    "no value this run (Deequ could not compute " + rule.metricKey() + "): nothing to judge");
        }
        if (history.isEmpty()) {
            return outcome(
                    rule,
                    AnomalyOutcome.PASSED,
                    value,
                    null,
                    history,
                    "no history yet: no earlier accepted run to compare " + AnomalyRule.fmt(value) + " with");
        }
        double baseline = median(history);
        AnomalyDetector detector = new AnomalyDetector(strategy(rule));
        DataPoint<Object> before = new DataPoint<>(0L, Option.apply((Object) baseline));
        DataPoint<Object> now = new DataPoint<>(1L, Option.apply((Object) value));
        boolean anomalous = !detector.isNewPointAnomalous(
                        JavaConverters.asScalaBuffer(List.of(before)).toSeq(), now)
                .anomalies()
                .isEmpty();
        String change = rule.change() == AnomalyRule.Change.RELATIVE
                ? (baseline == 0 ? "baseline is 0" : "ratio " + String.format(Locale.ROOT, "%.3f", value / baseline))
                : "change " + AnomalyRule.fmt(value - baseline);
        String reason = String.format(
                Locale.ROOT,
                "%s %s, baseline %s (median of %d earlier run%s): %s, %s %s",
                rule.metricKey(),
                AnomalyRule.fmt(value),
                AnomalyRule.fmt(baseline),
                history.size(),
                history.size() == 1 ? "" : "s",
                change,
                anomalous ? "outside" : "within",
                rule.bounds());
        return outcome(
                rule, anomalous ? AnomalyOutcome.FAILED : AnomalyOutcome.PASSED, value, baseline, history, reason);
    }

    private static AnomalyDetectionStrategy strategy(AnomalyRule rule) {
        Option<Object> min = rule.min() == null ? Option.empty() : Option.apply((Object) rule.min());
        Option<Object> max = rule.max() == null ? Option.empty() : Option.apply((Object) rule.max());
        return rule.change() == AnomalyRule.Change.RELATIVE
                ? new RelativeRateOfChangeStrategy(min, max, 1)
                : new AbsoluteChangeStrategy(min, max, 1);
    }

    static double median(List<HistoryPoint> history) {
        double[] values =
                history.stream().mapToDouble(HistoryPoint::value).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static AnomalyOutcome outcome(
            AnomalyRule rule,
            String outcome,
            Double value,
            Double baseline,
            List<HistoryPoint> history,
            String reason) {
        return new AnomalyOutcome(
                rule.dataset(),
                rule.level(),
                rule.name(),
                rule.metric().written(),
                rule.column(),
                rule.bounds(),
                outcome,
                value,
                baseline,
                history,
                reason,
                rule.description());
    }
}
