package io.shequ.jobs.admit;

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
 */
public record Correction(String quarantineId, String source, String fileSha256, String sheet, int line,
                         Map<String, String> values, String admitFile, String admitSha256, int admitLine,
                         String admittedRun) {

    public Correction {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        sheet = sheet == null || sheet.isBlank() ? null : sheet;
    }
}
