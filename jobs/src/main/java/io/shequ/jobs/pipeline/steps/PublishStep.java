package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.pipeline.RunIds;
import io.shequ.jobs.pipeline.WarehousePort;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.schemas.lake.LakeSnapshot;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 6: build the DuckDB snapshot from the run's lake snapshot and make it current atomically. */
public final class PublishStep implements Tasklet {

    private final PipelineSettings settings;
    private final WarehousePort warehouse;

    public PublishStep(PipelineSettings settings, WarehousePort warehouse) {
        this.settings = settings;
        this.warehouse = warehouse;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String runId = RunIds.of(chunkContext);
        HomeLayout layout = new HomeLayout(settings.home());
        LakeSnapshot lake = LakeSnapshot.read(layout.run(runId).resolve("lake-snapshot.json"));
        Path published = warehouse.publish(runId, lake);
        new RunLedger(layout, runId).put("published", Map.of("snapshot", published.toString(),
                "current", layout.warehouse().resolve("current.duckdb").toString()));
        return RepeatStatus.FINISHED;
    }
}
