package io.shequ.jobs.pipeline.steps;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shequ.jobs.publish.WarehousePort;
import io.shequ.jobs.run.LedgerEntry;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.run.RunLedger;
import io.shequ.jobs.settings.PipelineSettings;
import io.shequ.schemas.home.OwnerOnly;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 7: read the indicator catalogue back from the published snapshot (computed there by the
 * mart models before the switch) and keep it with the run: {@code runs/<run-id>/indicators.json}.
 */
public final class IndicatorsStep implements Tasklet {

    private final PipelineSettings settings;
    private final WarehousePort warehouse;

    /** The run ledger's {@code indicators}: the rows written to {@code indicators.json}. */
    public static final LedgerEntry<IndicatorsWritten> INDICATORS =
            LedgerEntry.of(LedgerSection.INDICATORS, new TypeReference<>() {});

    /** How many indicator rows the run wrote. */
    public record IndicatorsWritten(long rows) {}

    public IndicatorsStep(PipelineSettings settings, WarehousePort warehouse) {
        this.settings = settings;
        this.warehouse = warehouse;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RunContext run = RunContext.of(chunkContext, settings.home());
        List<Map<String, Object>> indicators = warehouse.indicators();
        try (OutputStream out = OwnerOnly.newOutputStream(run.folder().resolve("indicators.json"))) {
            RunLedger.JSON.writeValue(out, indicators);
        }
        INDICATORS.write(run.ledger(), new IndicatorsWritten(indicators.size()));
        contribution.incrementWriteCount(indicators.size());
        return RepeatStatus.FINISHED;
    }
}
