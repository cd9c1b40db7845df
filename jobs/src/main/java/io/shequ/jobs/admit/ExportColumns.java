package io.shequ.jobs.admit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of a quarantine export (and so of an admit file): the fixed ones that identify and
 * explain the row, then one column per raw header in order of first appearance. Only the raw
 * columns are read back as corrections; the fixed ones are there to find the row and to read why.
 */
public final class ExportColumns {

    public static final String QUARANTINE_ID = "quarantine_id";
    public static final String RUN_ID = "run_id";
    public static final String SOURCE = "source";
    public static final String LOCATION = "location";
    public static final String FILE_SHA256 = "file_sha256";
    public static final String SHEET = "sheet";
    public static final String LINE = "line";
    public static final String COLUMN = "column";
    public static final String RULE = "rule";
    public static final String REASON = "reason";
    /** {@code stage} (raw cells under the file's headers) or {@code check} (typed fields under their names). */
    public static final String QUARANTINED_BY = "quarantined_by";

    /** In export order. */
    public static final List<String> FIXED = List.of(
            QUARANTINE_ID, RUN_ID, SOURCE, LOCATION, FILE_SHA256, SHEET, LINE, COLUMN, RULE, REASON, QUARANTINED_BY);

    private ExportColumns() {}

    /** The header row for {@code rows}: the fixed columns, then every raw header once. */
    public static List<String> header(List<QuarantinedRow> rows) {
        Set<String> raw = new LinkedHashSet<>();
        rows.forEach(r -> raw.addAll(r.raw().keySet()));
        raw.removeAll(FIXED);
        List<String> header = new ArrayList<>(FIXED);
        header.addAll(raw);
        return header;
    }

    /** The cells of {@code row} under {@code header}; a raw header the row's file lacks is blank. */
    public static List<String> cells(QuarantinedRow row, List<String> header) {
        List<String> cells = new ArrayList<>(header.size());
        for (String column : header) {
            cells.add(
                    switch (column) {
                        case QUARANTINE_ID -> row.quarantineId();
                        case RUN_ID -> row.runId();
                        case SOURCE -> row.source();
                        case LOCATION -> row.location();
                        case FILE_SHA256 -> row.fileSha256();
                        case SHEET -> row.sheet();
                        case LINE -> row.line();
                        case COLUMN -> row.column();
                        case RULE -> row.rule();
                        case REASON -> row.reason();
                        case QUARANTINED_BY -> row.quarantinedBy();
                        default -> row.raw().get(column);
                    });
        }
        cells.replaceAll(c -> c == null ? "" : c);
        return cells;
    }
}
