package io.shequ.jobs.partition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the partition ledger: a source's period (street office × month, grid system × day,
 * procurement ledger × district and year), what arrived for it and whether it loaded.
 *
 * @param source       street_office_reports, grid_system or procurement_ledgers
 * @param key          the partition within its source, e.g. {@code 370103001/2023-02}, {@code 2023-02-14},
 *                     {@code 370103/2023}; {@code ?/<location>} for a file whose partition cannot be told
 * @param periodStart  first day of the period (null when unknown)
 * @param periodEnd    last day of the period, inclusive (null when unknown)
 * @param reportEnd    last day of the report that filled it: a quarterly report's quarter end, which is the
 *                     lake partition its facts land in (the same as {@code periodEnd} for a month or day)
 * @param locations    the source files (paths relative to the source folder) or tables it came from
 * @param sha256       the landed bytes' hashes, in the order of {@code locations}
 * @param rowsRead     rows read from them (for a grid day: event rows updated that day)
 * @param arrivedAt    when its newest bytes first arrived in the landing area
 * @param status       {@link #LOADED}, {@link #QUARANTINED} or {@link #FAILED}
 * @param runId        the run that last processed it
 * @param runKind      run, backfill or retry
 * @param note         e.g. the quarter a quarterly report covers, or the quarantine reason
 */
public record Partition(
        String source,
        String key,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate reportEnd,
        List<String> locations,
        List<String> sha256,
        long rowsRead,
        Instant arrivedAt,
        String status,
        String runId,
        String runKind,
        String note) {

    public static final String LOADED = "loaded";
    public static final String QUARANTINED = "quarantined";
    public static final String FAILED = "failed";

    public Partition {
        locations = List.copyOf(locations);
        sha256 = List.copyOf(sha256);
    }

    /** True when the next {@code shequ retry} should process it again. */
    public boolean needsRetry() {
        return FAILED.equals(status) || QUARANTINED.equals(status);
    }
}
