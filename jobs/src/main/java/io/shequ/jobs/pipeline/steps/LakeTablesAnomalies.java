package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.check.DataQualityGateException;
import io.shequ.jobs.check.RuleOutcome;
import io.shequ.jobs.check.history.AnomalyGate;
import io.shequ.jobs.check.history.AnomalyOutcome;
import io.shequ.jobs.check.history.DatasetMetric;
import io.shequ.jobs.check.history.DqReport;
import io.shequ.jobs.check.history.DqReportHtml;
import io.shequ.jobs.check.history.LakeTableMetrics;
import io.shequ.jobs.check.history.MetricHistory;
import io.shequ.jobs.lake.LakeTableSpec;
import io.shequ.jobs.settings.PipelineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lake step's metric history: the conformed tables as they are about to be committed (after
 * the lake tables' DQDL rules took their rows out) are measured as datasets {@code lake/<table>}
 * and judged by the lake tables' anomaly rules against earlier runs. It runs before the commit, so
 * an error-level anomaly leaves the lake, the grid watermarks and the warehouse as they were (exit 3);
 * the blocked run's staged metrics are then withdrawn from the history as well.
 */
final class LakeTablesAnomalies {

    private final PipelineSettings settings;
    private final SparkSession spark;
    private final MetricHistory history;

    LakeTablesAnomalies(PipelineSettings settings, SparkSession spark, MetricHistory history) {
        this.settings = settings;
        this.spark = spark;
        this.history = history;
    }

    void check(RunContext run) {
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        for (String table : LakeTableSpec.names()) {
            Path conformed = run.conformed().resolve(table);
            if (Files.exists(conformed)) {
                tables.put(table, spark.read().parquet(conformed.toString()));
            }
        }
        AnomalyGate.Findings findings = new AnomalyGate(
                        history, settings.reference().dqRules())
                .checkLake(run.id(), tables, run.scope().partial());
        DatasetMetric.LEDGER.write(
                run.ledger(),
                LakeTableMetrics.replaceLake(
                        DatasetMetric.LEDGER.read(run.ledger()).orElse(List.of()),
                        findings.metrics(),
                        DatasetMetric::dataset));
        AnomalyOutcome.LEDGER.write(
                run.ledger(),
                LakeTableMetrics.replaceLake(
                        AnomalyOutcome.LEDGER.read(run.ledger()).orElse(List.of()),
                        findings.anomalies(),
                        AnomalyOutcome::dataset));
        DqReportHtml.write(DqReport.read(run.folder()), run.folder().resolve("dq.html"));
        List<RuleOutcome> blocking = findings.blocking().stream()
                .map(a -> new RuleOutcome(a.dataset(), a.level(), "Anomaly " + a.rule(), a.outcome(), a.reason()))
                .toList();
        if (!blocking.isEmpty()) {
            history.reject(run.id());
            throw new DataQualityGateException(blocking);
        }
    }
}
