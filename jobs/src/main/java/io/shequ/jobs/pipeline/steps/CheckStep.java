package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.check.CheckedDataset;
import io.shequ.jobs.check.CheckedRows;
import io.shequ.jobs.check.DataQualityGate;
import io.shequ.jobs.check.DataQualityGateException;
import io.shequ.jobs.check.DataQualityOutcomes;
import io.shequ.jobs.check.DatasetCheck;
import io.shequ.jobs.check.RuleOutcome;
import io.shequ.jobs.check.RuleStage;
import io.shequ.jobs.check.StagedAccounts;
import io.shequ.jobs.check.history.AnomalyGate;
import io.shequ.jobs.check.history.AnomalyOutcome;
import io.shequ.jobs.check.history.DatasetMetric;
import io.shequ.jobs.check.history.DqReport;
import io.shequ.jobs.check.history.DqReportHtml;
import io.shequ.jobs.check.history.MetricHistory;
import io.shequ.jobs.extract.LandingManifest;
import io.shequ.jobs.retention.RunFolderPurge;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.run.SourceAccount;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.spark.ShufflePartitions;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.jobs.stage.SourceFinding;
import io.shequ.jobs.stage.ledger.ProcurementLedgerStaging;
import io.shequ.jobs.stage.report.StreetOfficeReportStaging;
import io.shequ.jobs.value.CheckedValues;
import io.shequ.jobs.value.ValueAccount;
import io.shequ.jobs.value.ValueAccounting;
import io.shequ.jobs.value.ValueLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 3: Deequ runs the staged sources' DQDL rule files ({@code dq/staged/}). Rows failing an
 * error-level row-scoped rule go to quarantine and out of the staged data (the row accounting
 * moves them from staged to quarantined); rows failing only warn-level ones are recorded; an
 * error-level rule about the whole dataset that fails stops the run (exit 3). Then each dataset,
 * as it leaves the check, is measured and the anomaly rules judge the measurements against the
 * metric history; an error-level anomaly stops the run the same way. The run folder gets
 * {@code dq.html}.
 */
public final class CheckStep implements Tasklet {

    /** The staged datasets in the order they are checked. */
    static final List<CheckedDataset> DATASETS = List.of(
            new CheckedDataset(
                    "community_reports",
                    StreetOfficeReportStaging.DATASET,
                    Source.STREET_OFFICES.id(),
                    StreetOfficeReportStaging.DATASET,
                    List.of()),
            new CheckedDataset(
                    "grid_event_flows",
                    "event_flow",
                    Source.GRID_SYSTEM.id(),
                    "event_flow",
                    List.of("event_id", "seq")),
            new CheckedDataset("grid_events", "event", Source.GRID_SYSTEM.id(), "event", List.of("event_id")),
            new CheckedDataset("grids", "grid", Source.GRID_SYSTEM.id(), "grid", List.of("grid_code")),
            new CheckedDataset(
                    "service_contracts",
                    ProcurementLedgerStaging.DATASET,
                    Source.PROCUREMENT.id(),
                    ProcurementLedgerStaging.DATASET,
                    List.of()),
            // staging's findings about headers and taxonomy values: warn by default, a rule file can make them block
            new CheckedDataset(
                    SourceFinding.DATASET,
                    SourceFinding.DATASET,
                    SourceFinding.DATASET,
                    SourceFinding.DATASET,
                    List.of("kind", "location", "value")));

    private final PipelineSettings settings;
    private final SparkSession spark;
    private final LandingManifest manifest;
    private final DataQualityOutcomes dqOutcomes;
    private final MetricHistory metricHistory;

    public CheckStep(
            PipelineSettings settings,
            SparkSession spark,
            LandingManifest manifest,
            DataQualityOutcomes dqOutcomes,
            MetricHistory metricHistory) {
        this.settings = settings;
        this.spark = spark;
        this.manifest = manifest;
        this.dqOutcomes = dqOutcomes;
        this.metricHistory = metricHistory;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(chunkContext, settings.home());
        ShufflePartitions.sizeFor(spark, settings.spark().shufflePartitions(), run.staging(), run.beforeCheck());
        // warned rows keep raw values like the quarantine, and go after the same number of days
        RunFolderPurge.DQ_WARNED.write(
                run.ledger(),
                new RunFolderPurge(run.dqWarned().getParent(), Clock.systemUTC())
                        .purge(settings.retention().quarantineKeepDays(), run.id(), Set.of()));
        DatasetCheck check = new DatasetCheck(
                spark,
                new DataQualityGate(settings.reference().dqRules()),
                new Quarantine(run.quarantine(), run.id()),
                new Quarantine(run.dqWarned(), run.id()),
                run.beforeCheck());
        List<RuleOutcome> outcomes = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        Map<String, Long> quarantined = new HashMap<>();
        Map<String, CheckedRows> rows = new LinkedHashMap<>();
        Map<String, Dataset<Row>> measured = new HashMap<>();
        ValueLedger valueLedger = new ValueLedger(run.ledger());
        List<ValueAccount> values = valueLedger.readAsOf(ValueAccounting.BEFORE_CHECK);
        Quarantine checkQuarantine = new Quarantine(run.quarantine(), run.id());
        for (CheckedDataset dataset : DATASETS) {
            Path staged = run.staging().resolve(dataset.folder());
            Path before = run.layout()
                    .beforeCheck(run.id())
                    .resolve(RuleStage.STAGED.folder())
                    .resolve(dataset.dataset());
            if (!Files.exists(staged) && !Files.exists(before)) {
                continue;
            }
            // an incremental grid extract with nothing changed stages no rows: nothing to judge
            if (!Files.exists(before) && spark.read().parquet(staged.toString()).isEmpty()) {
                empty.add(dataset.dataset());
                // measured all the same: a source that delivers nothing is the largest drop
                measured.put(dataset.dataset(), spark.read().parquet(staged.toString()));
                continue;
            }
            DatasetCheck.Result result = check.run(RuleStage.STAGED, dataset, staged, Map.of());
            if (!dataset.dataset().equals(SourceFinding.DATASET)) {
                measured.put(dataset.dataset(), spark.read().parquet(staged.toString()));
            }
            outcomes.addAll(result.outcomes());
            // findings are no source rows: taking one out moves nothing in the row accounting
            Map<String, Long> taken =
                    dataset.dataset().equals(SourceFinding.DATASET) ? Map.of() : result.quarantinedByLocation();
            taken.forEach(
                    (location, n) -> quarantined.merge(StagedAccounts.key(dataset.source(), location), n, Long::sum));
            if (!taken.isEmpty()) {
                values = CheckedValues.afterCheck(
                        values,
                        dataset.source(),
                        spark.read().parquet(staged.toString()),
                        checkQuarantine.read(spark, "dq_" + RuleStage.STAGED.folder() + "_" + dataset.dataset()));
            }
            rows.put(
                    dataset.dataset(),
                    new CheckedRows(
                            result.quarantinedByLocation().values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum(),
                            result.warnedRows()));
        }
        List<SourceAccount> accounts = StagedAccounts.afterCheck(stagedAccounts(run.ledger()), quarantined);
        manifest.recordAccounts(run.id(), accounts);
        SourceAccount.SOURCES.write(run.ledger(), accounts);
        // a difference in the value accounting that no quarantined row explains blocks like an error-level rule
        valueLedger.write(values);
        outcomes.addAll(ValueLedger.findings(values, RuleStage.STAGED));
        RuleOutcome.LEDGER.write(run.ledger(), outcomes);
        RuleOutcome.NO_ROWS.write(run.ledger(), empty);
        CheckedRows.LEDGER.write(run.ledger(), Map.of(RuleStage.STAGED.folder(), rows));
        dqOutcomes.record(run.id(), RuleStage.STAGED, outcomes);
        contribution.incrementFilterCount(
                quarantined.values().stream().mapToLong(Long::longValue).sum());
        List<RuleOutcome> blocking =
                new ArrayList<>(outcomes.stream().filter(RuleOutcome::blocks).toList());
        AnomalyGate.Findings findings = new AnomalyGate(
                        metricHistory, settings.reference().dqRules())
                .check(run.id(), measured, !blocking.isEmpty(), run.scope().partial());
        DatasetMetric.LEDGER.write(run.ledger(), findings.metrics());
        AnomalyOutcome.LEDGER.write(run.ledger(), findings.anomalies());
        DqReportHtml.write(DqReport.read(run.folder()), run.folder().resolve("dq.html"));
        findings.blocking()
                .forEach(a -> blocking.add(
                        new RuleOutcome(a.dataset(), a.level(), "Anomaly " + a.rule(), a.outcome(), a.reason())));
        new ReadmissionAfterCheck(run.layout(), manifest).account(run.id(), !blocking.isEmpty());
        if (!blocking.isEmpty()) {
            throw new DataQualityGateException(blocking);
        }
        return RepeatStatus.FINISHED;
    }

    /** Staging's accounts, kept aside the first time so that a restarted check adjusts them once. */
    private static List<SourceAccount> stagedAccounts(RunLedger ledger) {
        Optional<List<SourceAccount>> kept = SourceAccount.BEFORE_CHECK.read(ledger);
        if (kept.isPresent()) {
            return kept.get();
        }
        List<SourceAccount> staged = SourceAccount.SOURCES.read(ledger).orElse(List.of());
        SourceAccount.BEFORE_CHECK.write(ledger, staged);
        return staged;
    }
}
