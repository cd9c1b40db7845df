package io.shequ.jobs.pipeline;

import io.shequ.schemas.lake.LakeSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline needs from the warehouse, implemented outside this module (jobs does not
 * depend on warehouse; orchestration wires the two).
 */
public interface WarehousePort {

    /** Builds a new snapshot from one consistent lake snapshot, audits it, then makes it current atomically. */
    Path publish(String runId, LakeSnapshot lake);

    /** The indicator rows of the current snapshot (for the run record), as column → value maps. */
    List<Map<String, Object>> indicators();
}
