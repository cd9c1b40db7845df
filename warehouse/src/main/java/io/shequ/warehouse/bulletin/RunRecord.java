package io.shequ.warehouse.bulletin;

import java.util.List;

/**
 * What the run that built the published snapshot recorded about its inputs, outside the
 * warehouse: rows quarantined, names resolved, partitions late or missing and source findings.
 *
 * @param runId the run that built the snapshot
 */
public record RunRecord(
        String runId,
        List<Quarantined> quarantined,
        List<Resolution> resolution,
        List<LatePartition> partitions,
        List<Finding> findings) {

    /** Rows (or whole files) quarantined under one office folder by one rule. */
    public record Quarantined(String source, String office, String rule, long rows, long files) {
    }

    /** How the names of one source resolved to division codes. */
    public record Resolution(String source, long names, long resolved, long ambiguous, long unknown) {
    }

    /** A partition due and missing, or late, when the run ended. */
    public record LatePartition(String source, String key, String state, String due) {
    }

    /** Source findings of one kind under one office. */
    public record Finding(String kind, String source, String office, long count) {
    }
}
