package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.lake.LakeWriter;
import io.shequ.jobs.pipeline.RunIds;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.jobs.spark.SparkSessionFactory;
import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.lake.LakeTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 5: write the conformed tables into the Iceberg lake, then record the set of snapshots
 * this run committed ({@code runs/<run-id>/lake-snapshot.json}), which publishing reads.
 */
public final class LakeStep implements Tasklet {

    /** Fact table → partition columns. Dimensions are replaced whole. */
    private static final Map<String, List<String>> FACTS = Map.of(
            "fct_community_reports", List.of("report_year", "report_month"),
            "fct_grid_events", List.of("report_year", "report_month"),
            "fct_service_contracts", List.of("sign_year"));
    public static final List<String> TABLES = List.of(
            "dim_division", "fct_community_reports", "fct_grid_events", "fct_service_contracts");

    private final PipelineSettings settings;
    private final SparkSession spark;

    public LakeStep(PipelineSettings settings, SparkSession spark) {
        this.settings = settings;
        this.spark = spark;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        String runId = RunIds.of(chunkContext);
        HomeLayout layout = new HomeLayout(settings.home());
        LakeWriter lake = new LakeWriter(spark);
        List<LakeTable> tables = new ArrayList<>();
        for (String table : TABLES) {
            Path conformed = layout.conformed(runId).resolve(table);
            if (!Files.exists(conformed)) {
                continue;
            }
            var rows = spark.read().parquet(conformed.toString());
            if (FACTS.containsKey(table)) {
                lake.overwritePartitions(table, rows, FACTS.get(table));
            } else {
                lake.replace(table, rows);
            }
            tables.add(lake.describe(table));
        }
        LakeSnapshot snapshot = new LakeSnapshot(SparkSessionFactory.CATALOG, SparkSessionFactory.NAMESPACE,
                Instant.now(), tables);
        snapshot.write(layout.run(runId).resolve("lake-snapshot.json"));
        new RunLedger(layout, runId).put("lake", tables.stream()
                .map(t -> Map.of("table", t.name(), "snapshot_id", t.snapshotId(), "rows", t.rowCount())).toList());
        contribution.incrementWriteCount(tables.stream().mapToLong(LakeTable::rowCount).sum());
        return RepeatStatus.FINISHED;
    }
}
