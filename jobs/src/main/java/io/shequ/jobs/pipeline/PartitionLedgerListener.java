package io.shequ.jobs.pipeline;

import io.shequ.jobs.partition.Freshness;
import io.shequ.jobs.partition.FreshnessWindows;
import io.shequ.jobs.partition.Partition;
import io.shequ.jobs.partition.PartitionCounts;
import io.shequ.jobs.partition.PartitionLedger;
import io.shequ.jobs.partition.ProcessedPartitions;
import io.shequ.jobs.partition.RunScope;
import io.shequ.jobs.run.ExitCodes;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunIds;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.settings.PipelineSettings;
import java.time.Instant;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * At the end of every run, however it ended, records the partitions it processed in the
 * partition ledger (loaded only when the run completed and published; failed otherwise) and
 * puts the ledger's late and missing partitions into the run ledger, for the run summary.
 * Register it after the summary writer: listeners' {@code afterJob} run in reverse order.
 */
public final class PartitionLedgerListener implements JobExecutionListener {

    private static final int LISTED = 50;

    private final PipelineSettings settings;
    private final ProcessedPartitions processed;
    private final PartitionLedger ledger;
    private final FreshnessWindows windows;

    public PartitionLedgerListener(
            PipelineSettings settings,
            ProcessedPartitions processed,
            PartitionLedger ledger,
            FreshnessWindows windows) {
        this.settings = settings;
        this.processed = processed;
        this.ledger = ledger;
        this.windows = windows;
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            record(execution);
        } catch (RuntimeException e) {
            // the ledger is bookkeeping: its failure must not change how the run itself ended
            LoggerFactory.getLogger(PartitionLedgerListener.class).error("partition ledger not written", e);
        }
    }

    private void record(JobExecution execution) {
        String runId = execution.getJobParameters().getString(RunIds.PARAMETER);
        HomeLayout layout = new HomeLayout(settings.home());
        boolean completed =
                execution.getStatus() == BatchStatus.COMPLETED && ExitCodes.of(execution) != ExitCodes.QUALITY_GATE;
        String kind = RunScope.of(layout, runId).kind().id();
        List<Partition> processed = this.processed.of(runId, kind, completed);
        ledger.record(processed);
        RunLedger runLedger = new RunLedger(layout, runId);
        PartitionCounts.LEDGER.write(runLedger, PartitionCounts.of(kind, processed));
        Freshness.LEDGER.write(
                runLedger,
                new Freshness(windows)
                        .asOf(Instant.now(), ledger.all(), settings.sourceNames())
                        .summary(LISTED));
    }
}
