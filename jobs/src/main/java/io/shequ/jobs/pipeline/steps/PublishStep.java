package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.pipeline.PublishGateException;
import io.shequ.jobs.pipeline.RunIds;
import io.shequ.jobs.value.PublishedValues;
import io.shequ.jobs.pipeline.WarehousePort;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.schemas.lake.LakeSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 6: write-audit-publish. Builds the DuckDB snapshot from the run's lake snapshot, audits
 * it and makes it current atomically, or keeps the current snapshot when the lake has not moved
 * since it was built (status {@code unchanged}). Every audit's outcome goes to the run's {@code publish}
 * section, also when one failed and blocked publishing (the run then exits 3).
 */
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
        RunLedger ledger = new RunLedger(layout, runId);
        LakeSnapshot lake = LakeSnapshot.read(layout.run(runId).resolve("lake-snapshot.json"));
        String current = layout.warehouse().resolve("current.duckdb").toString();
        WarehousePort.Publication publication;
        try {
            publication = warehouse.publish(runId, lake);
        } catch (PublishGateException e) {
            Map<String, Object> blocked = new LinkedHashMap<>();
            blocked.put("status", "blocked");
            blocked.put("reason", e.getMessage());
            blocked.put("current", current);
            blocked.put("audits", PublishedValues.record(ledger, e.audits()));
            ledger.put("publish", blocked);
            throw e;
        }
        Map<String, Object> published = new LinkedHashMap<>();
        // unchanged: the lake had not moved since the current snapshot was built, so it stays current
        published.put("status", publication.rebuilt() ? "published" : "unchanged");
        published.put("snapshot", publication.snapshot().toString());
        published.put("current", current);
        published.put("audits", PublishedValues.record(ledger, publication.audits()));
        ledger.put("publish", published);
        ledger.put("published", Map.of("snapshot", publication.snapshot().toString(), "current", current));
        return RepeatStatus.FINISHED;
    }
}
