package io.shequ.jobs.check.history;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The metric history in the job repository's database (H2 or PostgreSQL, plain SQL for both).
 *
 * <p>{@code shequ_dq_metric}: one row per run, dataset, metric and column. {@code accepted} says
 * whether the run's check step let the data through; only accepted runs are history that later
 * runs are compared with, so a source that keeps delivering half its rows keeps being caught
 * until someone changes the rule. {@code shequ_dq_anomaly}: one row per run and anomaly rule,
 * with the history it was compared to. A rerun of the same run id replaces its rows. Staged
 * datasets and lake tables ({@code lake/<table>}, {@link LakeTableMetrics}) are recorded by their
 * own steps, each replacing only its own rows.
 */
public final class MetricHistory {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public MetricHistory(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // its own transaction: the check step's tasklet transaction rolls back when a gate blocks the
        // run, and a blocked run's metrics and outcomes must stay recorded
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS shequ_dq_metric (
                  run_id VARCHAR(64) NOT NULL,
                  dataset VARCHAR(64) NOT NULL,
                  metric VARCHAR(32) NOT NULL,
                  column_name VARCHAR(128) NOT NULL,
                  metric_value DOUBLE PRECISION NOT NULL,
                  accepted BOOLEAN NOT NULL,
                  recorded_at TIMESTAMP NOT NULL,
                  PRIMARY KEY (run_id, dataset, metric, column_name))""");
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS shequ_dq_anomaly (
                  run_id VARCHAR(64) NOT NULL,
                  dataset VARCHAR(64) NOT NULL,
                  rule_name VARCHAR(128) NOT NULL,
                  level VARCHAR(8) NOT NULL,
                  outcome VARCHAR(16) NOT NULL,
                  metric VARCHAR(32) NOT NULL,
                  column_name VARCHAR(128) NOT NULL,
                  metric_value DOUBLE PRECISION,
                  baseline DOUBLE PRECISION,
                  compared_with VARCHAR(4000) NOT NULL,
                  reason VARCHAR(4000) NOT NULL,
                  recorded_at TIMESTAMP NOT NULL,
                  PRIMARY KEY (run_id, dataset, rule_name, level))""");
    }

    /** The last {@code limit} accepted values of a metric before {@code runId}, oldest first. */
    public List<HistoryPoint> history(MetricKey key, String runId, int limit) {
        List<HistoryPoint> newestFirst = jdbc.query(
                """
                        SELECT run_id, metric_value FROM shequ_dq_metric
                        WHERE dataset = ? AND metric = ? AND column_name = ? AND accepted AND run_id <> ?
                        ORDER BY recorded_at DESC, run_id DESC LIMIT ?""",
                (rs, i) -> new HistoryPoint(rs.getString(1), rs.getDouble(2)),
                key.dataset(),
                key.metric(),
                key.column(),
                runId,
                limit);
        List<HistoryPoint> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * Records one run's metrics and anomaly outcomes of the staged datasets, replacing whatever an
     * earlier attempt of the run wrote for them.
     */
    public void record(String runId, List<DatasetMetric> metrics, List<AnomalyOutcome> anomalies, boolean accepted) {
        record(runId, "NOT LIKE", metrics, anomalies, accepted);
    }

    /** Records one run's metrics and anomaly outcomes of the lake tables (datasets {@code lake/<table>}). */
    public void recordLake(
            String runId, List<DatasetMetric> metrics, List<AnomalyOutcome> anomalies, boolean accepted) {
        record(runId, "LIKE", metrics, anomalies, accepted);
    }

    /**
     * Withdraws a run's metrics from the history: a later gate (the lake step's) blocked it, so its
     * staged volumes must not become the baseline either.
     */
    public void reject(String runId) {
        transaction.executeWithoutResult(
                status -> jdbc.update("UPDATE shequ_dq_metric SET accepted = FALSE WHERE run_id = ?", runId));
    }

    private void record(
            String runId,
            String lakeOrNot,
            List<DatasetMetric> metrics,
            List<AnomalyOutcome> anomalies,
            boolean accepted) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        String scope = " AND dataset " + lakeOrNot + " '" + LakeTableMetrics.PREFIX + "%'";
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM shequ_dq_metric WHERE run_id = ?" + scope, runId);
            jdbc.update("DELETE FROM shequ_dq_anomaly WHERE run_id = ?" + scope, runId);
            jdbc.batchUpdate(
                    """
                            INSERT INTO shequ_dq_metric (run_id, dataset, metric, column_name, metric_value, accepted, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    metrics.stream()
                            .map(m ->
                                    new Object[] {runId, m.dataset(), m.metric(), m.column(), m.value(), accepted, now})
                            .toList());
            jdbc.batchUpdate(
                    """
                            INSERT INTO shequ_dq_anomaly (run_id, dataset, rule_name, level, outcome, metric, column_name,
                              metric_value, baseline, compared_with, reason, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    anomalies.stream()
                            .map(a -> new Object[] {
                                runId,
                                a.dataset(),
                                a.rule(),
                                a.level(),
                                a.outcome(),
                                a.metric(),
                                a.column(),
                                a.value(),
                                a.baseline(),
                                comparedWith(a),
                                clip(a.reason()),
                                now
                            })
                            .toList());
        });
    }

    private static String comparedWith(AnomalyOutcome outcome) {
        return clip(outcome.history().stream()
                .map(p -> p.runId() + "=" + AnomalyRule.fmt(p.value()))
                .collect(Collectors.joining("; ")));
    }

    private static String clip(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
