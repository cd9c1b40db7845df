package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.conform.ConformOutcome;
import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.extract.SourceFingerprint;
import io.shequ.jobs.extract.SourceReads;
import io.shequ.jobs.lake.LakeTableSpec;
import io.shequ.jobs.partition.Freshness;
import io.shequ.jobs.partition.FreshnessWindows;
import io.shequ.jobs.partition.Partition;
import io.shequ.jobs.partition.PartitionLedger;
import io.shequ.jobs.partition.ProcessedPartitions;
import io.shequ.jobs.partition.RunScope;
import io.shequ.jobs.publish.PublishGateException;
import io.shequ.jobs.publish.PublishOutcome;
import io.shequ.jobs.publish.WarehousePort;
import io.shequ.jobs.quality.RunInputQuality;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.source.Source;
import io.shequ.jobs.value.PublishedValues;
import io.shequ.schemas.lake.LakeSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 6: write-audit-publish. Builds the DuckDB snapshot from the run's lake snapshot, audits
 * it and makes it current atomically, or keeps the current snapshot when the lake has not moved
 * since it was built and its inputs' quality rows are the same (status {@code unchanged}). The
 * snapshot's {@code dq_} tables record how complete and clean its inputs were ({@link RunInputQuality}). Every audit's outcome goes to the run's {@code publish}
 * section, also when one failed and blocked publishing (the run then exits 3).
 */
public final class PublishStep implements Tasklet {

    private final PipelineSettings settings;
    private final WarehousePort warehouse;
    private final ProcessedPartitions processed;
    private final PartitionLedger partitions;
    private final FreshnessWindows windows;

    public PublishStep(
            PipelineSettings settings,
            WarehousePort warehouse,
            ProcessedPartitions processed,
            PartitionLedger partitions,
            FreshnessWindows windows) {
        this.settings = settings;
        this.warehouse = warehouse;
        this.processed = processed;
        this.partitions = partitions;
        this.windows = windows;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(chunkContext, settings.home());
        LakeSnapshot lake = LakeSnapshot.read(run.folder().resolve("lake-snapshot.json"));
        String current = run.layout().currentWarehouse().toString();
        WarehousePort.Publication publication;
        try {
            publication = warehouse.publish(
                    run.id(),
                    lake,
                    RunInputQuality.of(
                            run.layout(),
                            run.id(),
                            latePartitions(run.layout(), run.id()),
                            unchangedSources(run.ledger())));
        } catch (PublishGateException e) {
            PublishOutcome.LEDGER.write(
                    run.ledger(),
                    PublishOutcome.blocked(e.getMessage(), current, PublishedValues.record(run.ledger(), e.audits())));
            throw e;
        }
        // unchanged: the lake had not moved since the current snapshot was built, so it stays current
        PublishOutcome.LEDGER.write(
                run.ledger(),
                PublishOutcome.published(
                        publication.rebuilt(),
                        publication.snapshot().toString(),
                        current,
                        PublishedValues.record(run.ledger(), publication.audits())));
        PublishOutcome.PUBLISHED.write(
                run.ledger(),
                new PublishOutcome.Published(publication.snapshot().toString(), current));
        recordReads(run, lake);
        return RepeatStatus.FINISHED;
    }

    /**
     * The file sources this run read whole are now published from these inputs: a later run with
     * the same inputs, and the lake still at these snapshots, need not stage them again.
     */
    private static void recordReads(RunContext run, LakeSnapshot lake) {
        Map<String, List<LandedSource>> landed =
                LandedSource.LANDED.read(run.ledger()).orElse(Map.of());
        SourceReads reads = new SourceReads(run.layout());
        SourceFingerprint.LEDGER.read(run.ledger()).orElse(Map.of()).forEach((source, fingerprint) -> {
            if (!landed.containsKey(source)) {
                // not staged again: its last read stands
                return;
            }
            Map<String, Long> tables = new TreeMap<>();
            for (String table : LakeTableSpec.ofFileSource(source)) {
                lake.table(table).ifPresent(t -> tables.put(table, t.snapshotId()));
            }
            reads.record(
                    source,
                    new SourceReads.Read(
                            fingerprint, run.id(), landed.get(source).size(), tables));
        });
    }

    /** The grid system, when this run's increment left the grid state as it was. */
    private static Set<String> unchangedSources(RunLedger ledger) {
        return ConformOutcome.LEDGER
                        .read(ledger)
                        .map(ConformOutcome::gridUnchanged)
                        .orElse(false)
                ? Set.of(Source.GRID_SYSTEM.id())
                : Set.of();
    }

    /**
     * The late and missing partitions the snapshot records: the partition ledger with this run's
     * partitions as it will record them once the run completes, up to each source's latest
     * period received (so the snapshot changes with its inputs, not with the calendar).
     */
    private Freshness.Report latePartitions(HomeLayout layout, String runId) {
        Map<String, Partition> byKey = new LinkedHashMap<>();
        partitions.all().forEach(p -> byKey.put(p.source() + "\n" + p.key(), p));
        processed
                .of(runId, RunScope.of(layout, runId).kind().id(), true)
                .forEach(p -> byKey.put(p.source() + "\n" + p.key(), p));
        return new Freshness(windows).upToReceived(Instant.now(), List.copyOf(byKey.values()), settings.sourceNames());
    }
}
