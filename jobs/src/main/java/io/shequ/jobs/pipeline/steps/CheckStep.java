package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.check.DataQualityGate;
import io.shequ.jobs.check.DataQualityGateException;
import io.shequ.jobs.check.RuleOutcome;
import io.shequ.jobs.pipeline.RunIds;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.settings.PipelineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 3: Deequ runs the DQDL rule files on the staged data; an error-level failure stops the run. */
public final class CheckStep implements Tasklet {

    /** Rule-file dataset name → staged folder. */
    private static final Map<String, String> DATASETS = Map.of(
            "community_reports", "community_reports",
            "service_contracts", "service_contracts",
            "grid_events", "event",
            "grid_event_flows", "event_flow");

    private final PipelineSettings settings;
    private final SparkSession spark;

    public CheckStep(PipelineSettings settings, SparkSession spark) {
        this.settings = settings;
        this.spark = spark;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String runId = RunIds.of(chunkContext);
        HomeLayout layout = new HomeLayout(settings.home());
        DataQualityGate gate = new DataQualityGate(settings.ruleFolder());
        List<RuleOutcome> outcomes = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        DATASETS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Path staged = layout.staging(runId).resolve(e.getValue());
            if (Files.exists(staged)) {
                var rows = spark.read().parquet(staged.toString());
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
        List<RuleOutcome> blocking = outcomes.stream().filter(RuleOutcome::blocks).toList();
        if (!blocking.isEmpty()) {
            throw new DataQualityGateException(blocking);
        }
        return RepeatStatus.FINISHED;
    }
}
