package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.conform.DivisionResolver;
import io.shequ.jobs.conform.DivisionsToDimension;
import io.shequ.jobs.conform.GridEventsToFacts;
import io.shequ.jobs.conform.PersonUdfs;
import io.shequ.jobs.conform.ResolverUdfs;
import io.shequ.jobs.conform.StagedContractsToFacts;
import io.shequ.jobs.conform.StagedReportsToFacts;
import io.shequ.jobs.gridstate.GridMirror;
import io.shequ.jobs.gridstate.GridState;
import io.shequ.jobs.gridstate.GridStateMerge;
import io.shequ.jobs.pipeline.RunIds;
import io.shequ.jobs.privacy.Pseudonymizer;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.stage.Quarantine;
import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.division.NbsDivisions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * Step 4: resolve names to NBS codes, build dim_division and one fact table per source kind,
 * pseudonymize people. Output: conformed Parquet per table under work/&lt;run-id&gt;/conformed.
 */
public final class ConformStep implements Tasklet {

    private final PipelineSettings settings;
    private final SparkSession spark;

    public ConformStep(PipelineSettings settings, SparkSession spark) {
        this.settings = settings;
        this.spark = spark;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String runId = RunIds.of(chunkContext);
        HomeLayout layout = new HomeLayout(settings.home());
        Path staging = layout.staging(runId);
        Path conformed = layout.conformed(runId);
        Quarantine quarantine = new Quarantine(layout.quarantine(runId), runId);

        // the whole of every city a configured district belongs to, so city-level unit counts are complete
        List<DivisionCode> cities = settings.districts().stream().map(d -> d.ancestor(DivisionLevel.CITY)).distinct().toList();
        NbsDivisions nbs = settings.divisionReference() == null
                ? NbsDivisions.bundled2023(cities) : NbsDivisions.fromFolder(settings.divisionReference(), cities);
        ResolverUdfs.register(spark, new DivisionResolver(nbs, settings.districts()));
        PersonUdfs.register(spark, new Pseudonymizer(settings.pseudonymKey()));

        Map<String, Object> counts = new LinkedHashMap<>();
        write(new DivisionsToDimension(spark).apply(nbs), conformed, "dim_division", counts);
        if (Files.exists(staging.resolve("community_reports"))) {
            StagedReportsToFacts.Result r = new StagedReportsToFacts().apply(read(staging, "community_reports"));
            write(r.facts(), conformed, "fct_community_reports", counts);
            counts.put("community_reports_unresolved", quarantine.write("conform_community_reports", r.rejected()));
        }
        if (Files.exists(staging.resolve("service_contracts"))) {
            StagedContractsToFacts.Result r = new StagedContractsToFacts().apply(read(staging, "service_contracts"));
            write(r.facts(), conformed, "fct_service_contracts", counts);
            counts.put("service_contracts_unresolved", quarantine.write("conform_service_contracts", r.rejected()));
        }
        if (Files.exists(staging.resolve(GridState.EVENT))) {
            // facts from the merged state, not the increment: complete whatever the extract pattern
            GridMirror mirror = new GridMirror(layout.gridMirror());
            GridState merged = mirror.write(spark, runId,
                    new GridStateMerge().apply(mirror.current(spark), GridState.read(spark, staging)));
            GridEventsToFacts.Result r = new GridEventsToFacts().apply(merged.events(), merged.flows(), merged.grids());
            write(r.facts(), conformed, "fct_grid_events", counts);
            counts.put("grid_events_unresolved", quarantine.write("conform_grid_events", r.rejected()));
        }
        new RunLedger(layout, runId).put("conform", counts);
        return RepeatStatus.FINISHED;
    }

    private Dataset<Row> read(Path staging, String dataset) {
        return spark.read().parquet(staging.resolve(dataset).toString());
    }

    private void write(Dataset<Row> rows, Path conformed, String table, Map<String, Object> counts) {
        String target = conformed.resolve(table).toString();
        rows.write().mode("overwrite").parquet(target);
        counts.put(table, spark.read().parquet(target).count());
    }
}
