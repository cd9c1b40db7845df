package io.shequ.jobs.admit;

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
 * @param raw          every raw cell of the row keyed by its header as the file writes it
 */
public record QuarantinedRow(String quarantineId, String runId, String source, String location, String fileSha256,
                             String sheet, String line, String column, String rule, String reason,
                             Map<String, String> raw) {

    public QuarantinedRow {
        raw = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }
}
