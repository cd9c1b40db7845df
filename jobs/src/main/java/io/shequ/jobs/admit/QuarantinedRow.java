package io.shequ.jobs.admit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One quarantined source row as exported for correction.
 *
 * @param quarantineId {@link QuarantineRowId}: stable across runs for the same row of the same bytes
 * @param runId        the run whose quarantine holds this version of the row
 * @param source       the source kind (street_office_reports, procurement_ledgers)
 * @param location     the file, relative to its source folder
 * @param fileSha256   the landed bytes the row was read from
 * @param sheet        the workbook sheet, or null for CSV
 * @param line         the row's line (CSV) or row number (XLSX)
 * @param column       the contract field at fault, or null
 * @param rule         the {@link io.shequ.schemas.contract.RejectRule} code
 * @param reason       why, naming the raw text
 * @param raw          staging's rejects: every raw cell of the row keyed by its header as the file writes it;
 *                     the check step's: the typed row's fields keyed by their contract names
 * @param quarantinedBy {@link #BY_STAGE} or {@link #BY_CHECK}: which step took the row out, and so how
 *                     {@code raw} is keyed and how a correction of it is applied
 */
public record QuarantinedRow(
        String quarantineId,
        String runId,
        String source,
        String location,
        String fileSha256,
        String sheet,
        String line,
        String column,
        String rule,
        String reason,
        Map<String, String> raw,
        String quarantinedBy) {

    /** Staging rejected the row (a bad cell): raw cells under the file's headers. */
    public static final String BY_STAGE = "stage";
    /** The check step's row-level rules took the typed row out: fields under their contract names. */
    public static final String BY_CHECK = "check";

    public QuarantinedRow {
        raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
        quarantinedBy = quarantinedBy == null || quarantinedBy.isBlank() ? BY_STAGE : quarantinedBy;
    }

    /** A staging reject. */
    public QuarantinedRow(
            String quarantineId,
            String runId,
            String source,
            String location,
            String fileSha256,
            String sheet,
            String line,
            String column,
            String rule,
            String reason,
            Map<String, String> raw) {
        this(quarantineId, runId, source, location, fileSha256, sheet, line, column, rule, reason, raw, BY_STAGE);
    }

    /** Whether the check step quarantined it (values keyed by field names). */
    public boolean byCheck() {
        return BY_CHECK.equals(quarantinedBy);
    }
}
