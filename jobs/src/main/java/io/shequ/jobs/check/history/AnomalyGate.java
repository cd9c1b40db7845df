package io.shequ.jobs.check.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The check step's second half: measures each staged dataset in two passes, judges the anomaly rules
 * against the metric history, and records this run's metrics and outcomes in the history.
 */
public final class AnomalyGate {

    /** This run's metrics and anomaly outcomes. */
    public record Findings(List<DatasetMetric> metrics, List<AnomalyOutcome> anomalies) {
        public List<AnomalyOutcome> blocking() {
            return anomalies.stream().filter(AnomalyOutcome::blocks).toList();
        }
    }

    private final MetricHistory history;
    private final RuleFileSource files;

    /** @param ruleFolder the user's rule folder ({@code reference.dq-rules}), or null for the bundled rules only */
    public AnomalyGate(MetricHistory history, Path ruleFolder) {
        this.history = history;
        this.files = new RuleFileSource(ruleFolder);
    }

    /**
     * @param staged        rule-file dataset name → its staged rows (empty datasets included: a
     *                      source that delivered nothing is the largest drop of all)
     * @param rulesBlocked  whether the DQDL rules already block this run; then, like a run an
     *                      anomaly blocks, its metrics do not become history later runs compare with
     * @param partial       whether the run stages only part of the sources (a backfill or a retry):
     *                      its volumes are not comparable with a full run's, so no anomaly rule
     *                      judges it and its metrics never become history (a scheduled per-source
     *                      run is not partial: each source it stages is read whole, and a source it
     *                      leaves out has no dataset here to judge)
     */
    public Findings check(String runId, Map<String, Dataset<Row>> staged, boolean rulesBlocked, boolean partial) {
        Findings findings = judge(runId, staged, partial);
        history.record(
                runId,
                findings.metrics(),
                findings.anomalies(),
                !partial && !rulesBlocked && findings.blocking().isEmpty());
        return findings;
    }

    /**
     * The lake step's measurement: the conformed tables about to be committed, as datasets
     * {@code lake/<table>} ({@link LakeTableMetrics}), judged by {@code anomaly/lake/<table>.<level>.yml}.
     *
     * @param tables  lake table → the rows this run commits to it
     * @param partial as for {@link #check}: a backfill or retry is measured, never judged nor history
     */
    public Findings checkLake(String runId, Map<String, Dataset<Row>> tables, boolean partial) {
        MetricProfile profile = MetricProfile.load(files);
        Map<String, Dataset<Row>> measured = new LinkedHashMap<>();
        // a lake table costs a pass over its rows: measured when metrics.yml profiles it or an anomaly rule watches it
        LakeTableMetrics.named(tables).forEach((dataset, rows) -> {
            if (profile.profiles(dataset)
                    || files.find("anomaly/" + dataset + ".error.yml").isPresent()
                    || files.find("anomaly/" + dataset + ".warn.yml").isPresent()) {
                measured.put(dataset, rows);
            }
        });
        Findings findings = judge(runId, measured, partial);
        history.recordLake(
                runId,
                findings.metrics(),
                findings.anomalies(),
                !partial && findings.blocking().isEmpty());
        return findings;
    }

    private Findings judge(String runId, Map<String, Dataset<Row>> staged, boolean partial) {
        MetricProfile profile = MetricProfile.load(files);
        AnomalyRules ruleFiles = new AnomalyRules(files);
        List<DatasetMetric> metrics = new ArrayList<>();
        List<AnomalyOutcome> anomalies = new ArrayList<>();
        new TreeMap<>(staged).forEach((dataset, rows) -> {
            List<String> columns = Arrays.asList(rows.columns());
            List<AnomalyRule> rules = ruleFiles.of(dataset, columns);
            List<DatasetMetric> measured =
                    StagedDatasetMetrics.compute(rows, profile.metricsFor(dataset, columns, rules));
            metrics.addAll(measured);
            for (AnomalyRule rule : partial ? List.<AnomalyRule>of() : rules) {
                Double value = measured.stream()
                        .filter(m -> m.key().equals(rule.metricKey()))
                        .map(DatasetMetric::value)
                        .findFirst()
                        .orElse(null);
                anomalies.add(
                        AnomalyDetection.judge(rule, value, history.history(rule.metricKey(), runId, rule.history())));
            }
        });
        return new Findings(metrics, anomalies);
    }
}
