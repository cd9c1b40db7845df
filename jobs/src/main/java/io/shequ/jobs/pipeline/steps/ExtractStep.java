package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.extract.FileLanding;
import io.shequ.jobs.extract.GridExtract;
import io.shequ.jobs.extract.GridSystemLanding;
import io.shequ.jobs.extract.GridWatermarks;
import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.extract.LandingManifest;
import io.shequ.jobs.extract.SourceFingerprint;
import io.shequ.jobs.extract.SourceReads;
import io.shequ.jobs.extract.UnchangedSource;
import io.shequ.jobs.lake.LakeWriter;
import io.shequ.jobs.partition.RunScope;
import io.shequ.jobs.recovery.UnfinishedRuns;
import io.shequ.jobs.retention.RawZonePurge;
import io.shequ.jobs.settings.AdmitSettings;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.source.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 1: copy every source file and the grid system's tables into the landing area, with manifest
 * rows. In a plain run, a file source whose inputs are those of its last published read
 * ({@link SourceReads}) is landed and fingerprinted but not handed on: the run names it in
 * {@code unchanged_sources}, and its lake tables and published rows stay as that read left them.
 */
public final class ExtractStep implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractStep.class);

    private final PipelineSettings settings;
    private final SparkSession spark;
    private final LandingManifest manifest;
    private final GridWatermarks watermarks;
    private final UnfinishedRuns unfinished;
    private final AdmitSettings admit;

    public ExtractStep(
            PipelineSettings settings,
            SparkSession spark,
            LandingManifest manifest,
            GridWatermarks watermarks,
            UnfinishedRuns unfinished,
            AdmitSettings admit) {
        this.settings = settings;
        this.spark = spark;
        this.manifest = manifest;
        this.watermarks = watermarks;
        this.unfinished = unfinished;
        this.admit = admit;
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
        FileSources fileSources = new FileSources(run, scope, files);
        if (settings.streetOffices().isPresent()) {
            fileSources.land(Source.STREET_OFFICES, settings.sources().streetOffices(), landed);
        }
        if (settings.procurement().isPresent()) {
            fileSources.land(Source.PROCUREMENT, settings.sources().procurement(), landed);
        }
        SourceFingerprint.LEDGER.write(run.ledger(), fileSources.fingerprints);
        UnchangedSource.LEDGER.write(run.ledger(), fileSources.unchanged);
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

    /** Lands the file sources and, in a plain run, tells which are unchanged since their last published read. */
    private final class FileSources {

        private final RunScope scope;
        private final FileLanding files;
        private final SourceReads reads;
        private final Map<String, String> fingerprints = new TreeMap<>();
        private final List<UnchangedSource> unchanged = new ArrayList<>();
        private SourceFingerprint fingerprint;
        private LakeWriter lake;

        FileSources(RunContext run, RunScope scope, FileLanding files) {
            this.scope = scope;
            this.files = files;
            this.reads = new SourceReads(run.layout());
        }

        void land(Source source, Path folder, Map<String, List<LandedSource>> landed) throws IOException {
            String id = source.id();
            if (!scope.readsFiles(id)) {
                return;
            }
            List<LandedSource> all = files.land(id, folder);
            if (scope.isPlain()) {
                String print = fingerprint().of(id, folder, all);
                fingerprints.put(id, print);
                Optional<UnchangedSource> same = reads.unchanged(id, print, lake()::snapshotId);
                if (same.isPresent()) {
                    LOG.info(
                            "{}: the {} entries of {}, the reference data, settings and build are those run {} read and"
                                    + " published; not staged again, its rows, quarantine and findings stay",
                            id,
                            all.size(),
                            folder,
                            same.get().readBy());
                    unchanged.add(same.get());
                    return;
                }
            }
            landed.put(id, scope.select(id, all));
        }

        private SourceFingerprint fingerprint() {
            if (fingerprint == null) {
                fingerprint = SourceFingerprint.of(settings, admit.folder());
            }
            return fingerprint;
        }

        private LakeWriter lake() {
            if (lake == null) {
                lake = new LakeWriter(spark);
            }
            return lake;
        }
    }
}
