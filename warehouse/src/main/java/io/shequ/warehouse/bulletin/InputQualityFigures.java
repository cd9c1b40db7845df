package io.shequ.warehouse.bulletin;

import java.util.List;

/**
 * How complete and clean the inputs behind the published snapshot were, as its {@code dq_}
 * tables hold them for one division and year: rows quarantined, names resolved, partitions late
 * or missing, and source findings.
 */
public record InputQualityFigures(
        List<Quarantined> quarantined,
        List<Resolution> resolution,
        List<LatePartition> partitions,
        List<Finding> findings) {

    /** Rows (or whole files) of one source, in one office folder, quarantined by one rule ({@code dq_quarantined}). */
    public record Quarantined(String source, String office, String rule, long rows, long files) {}

    /** How the names of one source resolved to division codes ({@code dq_name_resolution}). */
    public record Resolution(String source, long names, long resolved, long ambiguous, long unknown) {}

    /** A partition late or missing when the snapshot was published ({@code dq_partitions}). */
    public record LatePartition(String source, String key, String state, String due) {}

    /** Source findings of one kind under one office ({@code dq_source_findings}). */
    public record Finding(String kind, String source, String office, long count) {}
}
