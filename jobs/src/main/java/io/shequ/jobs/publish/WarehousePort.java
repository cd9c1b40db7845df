package io.shequ.jobs.publish;

import io.shequ.schemas.lake.LakeSnapshot;
import io.shequ.schemas.quality.InputQuality;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline needs from the warehouse, implemented outside this module (jobs does not
 * depend on warehouse; orchestration wires the two).
 */
public interface WarehousePort {

    /**
     * A published snapshot and the audits it passed, each as {@code name, passed, detail}.
     *
     * @param rebuilt false when the current snapshot was kept because the lake had not moved since it was built
     */
    record Publication(Path snapshot, List<Map<String, Object>> audits, boolean rebuilt) {}

    /**
     * Builds a new snapshot from one consistent lake snapshot, tests and audits it, then makes
     * it current atomically; keeps the current one when it was built from the same lake snapshot
     * and holds the same input-quality rows. {@code quality}'s rows replace those of the sources
     * the run read; the other sources' rows carry over from the current snapshot.
     *
     * @throws PublishGateException if a model test or an audit failed; the previous snapshot stays current
     */
    Publication publish(String runId, LakeSnapshot lake, InputQuality quality);

    /** The indicator rows of the current snapshot (for the run record), as column → value maps. */
    List<Map<String, Object>> indicators();
}
