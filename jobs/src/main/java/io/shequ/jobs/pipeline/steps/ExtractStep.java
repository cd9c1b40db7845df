package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.extract.FileLanding;
import io.shequ.jobs.extract.GridExtract;
import io.shequ.jobs.extract.GridSystemLanding;
import io.shequ.jobs.extract.GridWatermarks;
import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.extract.LandingManifest;
import io.shequ.jobs.partition.RunScope;
import io.shequ.jobs.recovery.UnfinishedRuns;
import io.shequ.jobs.retention.RawZonePurge;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.source.Source;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 1: copy every source file and the grid system's tables into the landing area, with manifest rows. */
public final class ExtractStep implements Tasklet {

    private final PipelineSettings settings;
    private final SparkSession spark;
    private final LandingManifest manifest;
    private final GridWatermarks watermarks;
    private final UnfinishedRuns unfinished;

    public ExtractStep(
            PipelineSettings settings,
            SparkSession spark,
            LandingManifest manifest,
            GridWatermarks watermarks,
            UnfinishedRuns unfinished) {
        this.settings = settings;
        this.spark = spark;
        this.manifest = manifest;
        this.watermarks = watermarks;
        this.unfinished = unfinished;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RunContext run = RunContext.of(chunkContext, settings.home());
        // the raw zones hold personal data: past runs' are deleted once older than the configured days
        RawZonePurge.Result purged = new RawZonePurge(run.layout(), settings.retention(), Clock.systemUTC())
                .purge(run.id(), unfinished.runIds());
        RawZonePurge.QUARANTINE.write(run.ledger(), purged.quarantine());
        RawZonePurge.RAW.write(run.ledger(), purged.raw());
        FileLanding files = new FileLanding(run.layout());
        Map<String, List<LandedSource>> landed = new LinkedHashMap<>();
        // a backfill or retry names the files and the grid window it reprocesses; a plain run reads everything
        RunScope scope = run.scope();
        if (settings.streetOffices().isPresent() && (scope.readsFiles(Source.STREET_OFFICES.id()))) {
            List<LandedSource> all =
                    files.land(Source.STREET_OFFICES.id(), settings.sources().streetOffices());
            landed.put(Source.STREET_OFFICES.id(), scope.select(Source.STREET_OFFICES.id(), all));
        }
        if (settings.procurement().isPresent() && (scope.readsFiles(Source.PROCUREMENT.id()))) {
            List<LandedSource> all =
                    files.land(Source.PROCUREMENT.id(), settings.sources().procurement());
            landed.put(Source.PROCUREMENT.id(), scope.select(Source.PROCUREMENT.id(), all));
        }
        if (settings.gridSystem().isPresent() && (scope.readsGrid() || scope.readsWhole(Source.GRID_SYSTEM.id()))) {
            // read whole (a plain or per-source run): the increment from the watermarks; else the scope's window
            GridSystemLanding.Landing grid = !scope.readsGrid()
                    ? new GridSystemLanding(spark, run.layout(), watermarks)
                            .land(settings.sources().grid(), run.id())
                    : new GridSystemLanding(spark, run.layout(), watermarks)
                            .land(settings.sources().grid(), run.id(), scope.gridFrom(), scope.gridUntil());
            landed.put(Source.GRID_SYSTEM.id(), grid.sources());
            // staging judges clocks by its start; the lake step commits its proposed watermarks
            GridExtract.LEDGER.write(run.ledger(), grid.extract());
        }
        List<LandedSource> all = landed.values().stream().flatMap(List::stream).toList();
        manifest.record(run.id(), all);
        LandedSource.LANDED.write(run.ledger(), landed);
        contribution.incrementWriteCount(all.size());
        return RepeatStatus.FINISHED;
    }
}
