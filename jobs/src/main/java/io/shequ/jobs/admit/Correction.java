package io.shequ.jobs.admit;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A data engineer's corrected values for one quarantined row, as read from an admit file: the
 * raw cells (keyed by the original file's headers) that replace the row's cells before it is
 * staged again through its source's own parsing, typing and validation.
 *
 * @param quarantineId the row it corrects ({@link QuarantineRowId})
 * @param source       its source kind
 * @param fileSha256   the bytes of the file the row sits in
 * @param sheet        the sheet, or null for CSV
 * @param line         the row's line in that file
 * @param values       raw text per header; headers the original file lacks are ignored
 * @param admitFile    the admit file's name
 * @param admitSha256  the admit file's SHA-256
 * @param admitLine    the line of the admit file the correction came from
 * @param admittedRun  the run that took the admit file in
 * @param quarantinedBy {@link QuarantinedRow#BY_STAGE}: {@code values} are keyed by the file's headers;
 *                     {@link QuarantinedRow#BY_CHECK}: by the contract's field names (the check step's
 *                     quarantine holds typed rows), written into the cell the file holds that field in
 */
public record Correction(
        String quarantineId,
        String source,
        String fileSha256,
        String sheet,
        int line,
        Map<String, String> values,
        String admitFile,
        String admitSha256,
        int admitLine,
        String admittedRun,
        String quarantinedBy) {

    @JsonCreator
    public Correction {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        sheet = sheet == null || sheet.isBlank() ? null : sheet;
        // records written before the check step's rows were re-admissible have no quarantinedBy
        quarantinedBy = quarantinedBy == null || quarantinedBy.isBlank() ? QuarantinedRow.BY_STAGE : quarantinedBy;
    }

    /** A correction of a staging reject. */
    public Correction(
            String quarantineId,
            String source,
            String fileSha256,
            String sheet,
            int line,
            Map<String, String> values,
            String admitFile,
            String admitSha256,
            int admitLine,
            String admittedRun) {
        this(
                quarantineId,
                source,
                fileSha256,
                sheet,
                line,
                values,
                admitFile,
                admitSha256,
                admitLine,
                admittedRun,
                QuarantinedRow.BY_STAGE);
    }

    /** Whether {@code values} are keyed by field names (a row the check step quarantined). */
    public boolean byCheck() {
        return QuarantinedRow.BY_CHECK.equals(quarantinedBy);
    }

    /** The same correction with only {@code kept} of its values. */
    public Correction withValues(Map<String, String> kept) {
        return new Correction(
                quarantineId,
                source,
                fileSha256,
                sheet,
                line,
                kept,
                admitFile,
                admitSha256,
                admitLine,
                admittedRun,
                quarantinedBy);
    }
}
