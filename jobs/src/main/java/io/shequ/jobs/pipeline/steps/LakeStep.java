package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.check.DataQualityGateException;
import io.shequ.jobs.check.DataQualityOutcomes;
import io.shequ.jobs.check.history.MetricHistory;
import io.shequ.jobs.conform.ConformOutcome;
import io.shequ.jobs.extract.GridExtract;
import io.shequ.jobs.extract.GridWatermarks;
import io.shequ.jobs.gridstate.GridMirror;
import io.shequ.jobs.gridstate.GridRunCommit;
import io.shequ.jobs.lake.LakeTableCommit;
import io.shequ.jobs.lake.LakeTableSpec;
import io.shequ.jobs.lake.LakeWriter;
import io.shequ.jobs.partition.RunScope;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.spark.ShufflePartitions;
import io.shequ.jobs.spark.SparkSessionFactory;
import io.shequ.schemas.fault.PausePoint;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 5: check the conformed tables by the lake tables' rule files ({@link LakeTablesCheck}) and
 * their anomaly rules against the metric history ({@link LakeTablesAnomalies}), write
 * them into the Iceberg lake, then record the set of snapshots
 * this run committed ({@code runs/<run-id>/lake-snapshot.json}), which publishing reads, and
 * commit the grid system's merged state and extract watermarks of the run.
 */
public final class LakeStep implements Tasklet {

    private final PipelineSettings settings;
    private final SparkSession spark;
    private final GridWatermarks watermarks;
    private final DataQualityOutcomes dqOutcomes;
    private final MetricHistory metricHistory;

    /** @param metricHistory where the lake tables' metrics go and their anomaly rules look */
    public LakeStep(
            PipelineSettings settings,
            SparkSession spark,
            GridWatermarks watermarks,
            DataQualityOutcomes dqOutcomes,
            MetricHistory metricHistory) {
        this.settings = settings;
        this.spark = spark;
        this.watermarks = watermarks;
        this.dqOutcomes = dqOutcomes;
        this.metricHistory = metricHistory;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RunContext run = RunContext.of(chunkContext, settings.home());
        ShufflePartitions.sizeFor(spark, settings.spark().shufflePartitions(), run.conformed());
        // the lake tables' rules judge the rows before they are committed: a block leaves the lake as it was
        try {
            contribution.incrementFilterCount(new LakeTablesCheck(settings, spark, dqOutcomes).check(run));
        } catch (DataQualityGateException blocked) {
            metricHistory.reject(run.id());
            throw blocked;
        }
        new LakeTablesAnomalies(settings, spark, metricHistory).check(run);
        LakeWriter lake = new LakeWriter(spark);
        RunScope scope = run.scope();
        List<LakeTable> tables = new ArrayList<>();
        Map<String, LakeWriter.Written> writes = new HashMap<>();
        for (LakeTableSpec spec : LakeTableSpec.values()) {
            String table = spec.tableName();
            Path conformed = run.conformed().resolve(table);
            if (!Files.exists(conformed)) {
                // a backfill or retry conforms only some sources: the others' tables stay at their current snapshot
                if (spark.catalog().tableExists(LakeWriter.qualified(table))) {
                    tables.add(lake.describe(table));
                }
                continue;
            }
            var rows = spark.read().parquet(conformed.toString());
            LakeWriter.Written written;
            if (spec.rebuiltWhole()
                    || spec.fileSource()
                            .filter(source -> scope.readsWhole(source.id()))
                            .isPresent()) {
                written = lake.replacePartitioned(table, rows, spec.partitionColumns());
            } else if (spec.isFact()) {
                written = lake.overwritePartitions(table, rows, spec.partitionColumns());
            } else {
                written = lake.replace(table, rows);
            }
            writes.put(table, written);
            tables.add(lake.describe(table));
            if (spec == LakeTableSpec.FCT_COMMUNITY_REPORTS) {
                PausePoint.reach(PausePoint.LAKE_COMMIT);
            }
        }
        LakeSnapshot snapshot =
                new LakeSnapshot(SparkSessionFactory.CATALOG, SparkSessionFactory.NAMESPACE, Instant.now(), tables);
        snapshot.write(run.folder().resolve("lake-snapshot.json"));
        LakeTableCommit.LEDGER.write(
                run.ledger(),
                tables.stream()
                        .map(t -> LakeTableCommit.of(t, writes.get(t.name())))
                        .toList());
        Optional<GridExtract> gridExtract = GridExtract.LEDGER.read(run.ledger());
        if (gridExtract.isPresent()) {
            // the lake holds this run's grid facts: only now may its merged state and watermarks move on
            boolean unchanged = ConformOutcome.LEDGER
                    .read(run.ledger())
                    .map(ConformOutcome::gridUnchanged)
                    .orElse(false);
            new GridRunCommit(new GridMirror(run.layout().gridMirror()), watermarks)
                    .commit(run.id(), gridExtract.get(), unchanged);
        }
        contribution.incrementWriteCount(
                tables.stream().mapToLong(LakeTable::rowCount).sum());
        return RepeatStatus.FINISHED;
    }
}
