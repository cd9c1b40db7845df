package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.check.DataQualityGate;
import io.shequ.jobs.check.DataQualityGateException;
import io.shequ.jobs.check.RuleOutcome;
import io.shequ.jobs.check.history.AnomalyGate;
import io.shequ.jobs.check.history.DqReport;
import io.shequ.jobs.check.history.DqReportHtml;
import io.shequ.jobs.check.history.MetricHistory;
import io.shequ.jobs.pipeline.RunIds;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.settings.PipelineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 3: Deequ runs the DQDL rule files on the staged data, then measures each dataset and judges
 * the anomaly rules against the metric history; an error-level failure of either stops the run.
 * The run folder gets {@code dq.html}.
 */
public final class CheckStep implements Tasklet {

    /** Rule-file dataset name → staged folder. */
    private static final Map<String, String> DATASETS = Map.of(
            "community_reports", "community_reports",
            "service_contracts", "service_contracts",
            "grid_events", "event",
            "grid_event_flows", "event_flow");

    private final PipelineSettings settings;
    private final SparkSession spark;
    private final MetricHistory metricHistory;

    public CheckStep(PipelineSettings settings, SparkSession spark, MetricHistory metricHistory) {
        this.settings = settings;
        this.spark = spark;
        this.metricHistory = metricHistory;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String runId = RunIds.of(chunkContext);
        HomeLayout layout = new HomeLayout(settings.home());
        DataQualityGate gate = new DataQualityGate(settings.ruleFolder());
        List<RuleOutcome> outcomes = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        Map<String, Dataset<Row>> stagedRows = new HashMap<>();
        DATASETS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Path staged = layout.staging(runId).resolve(e.getValue());
            if (Files.exists(staged)) {
                var rows = spark.read().parquet(staged.toString());
                stagedRows.put(e.getKey(), rows);
                // an incremental grid extract with nothing changed stages no rows: nothing to judge
                if (rows.isEmpty()) {
                    empty.add(e.getKey());
                } else {
                    outcomes.addAll(gate.evaluate(e.getKey(), rows));
                }
            }
        });
        RunLedger ledger = new RunLedger(layout, runId);
        ledger.put("data_quality", outcomes);
        ledger.put("data_quality_no_rows", empty);
        List<RuleOutcome> blocking = new ArrayList<>(outcomes.stream().filter(RuleOutcome::blocks).toList());
        AnomalyGate.Findings findings = new AnomalyGate(metricHistory, settings.ruleFolder())
                .check(runId, stagedRows, !blocking.isEmpty());
        ledger.put(DqReport.METRICS, findings.metrics());
        ledger.put(DqReport.ANOMALIES, findings.anomalies());
        DqReportHtml.write(DqReport.read(layout.run(runId)), layout.run(runId).resolve("dq.html"));
        findings.blocking().forEach(a -> blocking.add(new RuleOutcome(a.dataset(), a.level(), "Anomaly " + a.rule(), a.outcome(), a.reason())));
        if (!blocking.isEmpty()) {
            throw new DataQualityGateException(blocking);
        }
        return RepeatStatus.FINISHED;
    }
}
