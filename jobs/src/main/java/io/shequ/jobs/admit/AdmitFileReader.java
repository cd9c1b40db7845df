package io.shequ.jobs.admit;

import io.shequ.jobs.stage.table.Sheet;
import io.shequ.jobs.stage.table.SheetRow;
import io.shequ.jobs.stage.table.TableFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a corrected quarantine export (CSV in any encoding Excel may save it in, or XLSX) into
 * {@link Correction}s. The identifying columns must be as exported: a row whose
 * {@code quarantine_id} no longer matches its source, file hash, sheet and line was edited where it
 * should not have been and is refused, as is a row of a file quarantined whole or of a source that
 * is not a file source. Every refusal names the admit file, its line and the column. The cells of a
 * CSV file lose the quote the export put before formula-leading cells ({@link FormulaGuard}).
 */
public final class AdmitFileReader {

    private static final List<String> REQUIRED =
            List.of(ExportColumns.QUARANTINE_ID, ExportColumns.SOURCE, ExportColumns.FILE_SHA256, ExportColumns.LINE);

    private AdmitFileReader() {}

    public static AdmitRecord read(Path file, String sha256, String runId) {
        String name = file.getFileName().toString();
        List<Correction> corrections = new ArrayList<>();
        List<AdmitRecord.Refusal> refused = new ArrayList<>();
        long bytes;
        List<Sheet> sheets;
        try {
            bytes = Files.size(file);
            sheets = TableFileReader.read(file);
        } catch (IOException e) {
            refused.add(new AdmitRecord.Refusal(0, null, name + ": unreadable (" + e.getMessage() + ")"));
            return new AdmitRecord(name, sha256, runId, 0, 0, corrections, refused);
        }
        List<SheetRow> rows = sheets.isEmpty() ? List.of() : sheets.get(0).rows();
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            // the export quoted formula-leading cells; an XLSX export has text cells and no quotes to strip
            rows = rows.stream()
                    .map(r -> new SheetRow(
                            r.line(),
                            r.cells().stream().map(FormulaGuard::unescape).toList()))
                    .toList();
        }
        if (rows.isEmpty()) {
            refused.add(new AdmitRecord.Refusal(0, null, name + ": empty, expected the header of a quarantine export"));
            return new AdmitRecord(name, sha256, runId, bytes, 0, corrections, refused);
        }
        SheetRow headerRow = rows.get(0);
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < headerRow.cells().size(); i++) {
            header.putIfAbsent(headerRow.cell(i).strip().replace("\uFEFF", ""), i);
        }
        List<SheetRow> data =
                rows.subList(1, rows.size()).stream().filter(r -> !r.isBlank()).toList();
        for (String column : REQUIRED) {
            if (!header.containsKey(column)) {
                refused.add(new AdmitRecord.Refusal(
                        headerRow.line(),
                        null,
                        name + " line " + headerRow.line() + ": no column '" + column
                                + "'; keep the columns of `shequ quarantine export`"));
                return new AdmitRecord(name, sha256, runId, bytes, data.size(), corrections, refused);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (SheetRow row : data) {
            String id = cell(row, header, ExportColumns.QUARANTINE_ID);
            String source = cell(row, header, ExportColumns.SOURCE);
            String sha = cell(row, header, ExportColumns.FILE_SHA256);
            String sheet = cell(row, header, ExportColumns.SHEET);
            String line = cell(row, header, ExportColumns.LINE);
            String rule = cell(row, header, ExportColumns.RULE);
            String by = cell(row, header, ExportColumns.QUARANTINED_BY);
            String at = name + " line " + row.line() + ", column ";
            if (id.isEmpty()) {
                refused.add(new AdmitRecord.Refusal(row.line(), null, at + "quarantine_id: empty"));
                continue;
            }
            if (!line.matches("\\d{1,9}")) {
                refused.add(new AdmitRecord.Refusal(row.line(), id, at + "line: '" + line + "' is not a line number"));
                continue;
            }
            if (!by.isEmpty() && !by.equals(QuarantinedRow.BY_STAGE) && !by.equals(QuarantinedRow.BY_CHECK)) {
                refused.add(new AdmitRecord.Refusal(
                        row.line(),
                        id,
                        at + ExportColumns.QUARANTINED_BY + ": '" + by
                                + "' is neither " + QuarantinedRow.BY_STAGE + " nor " + QuarantinedRow.BY_CHECK
                                + "; keep it as exported"));
                continue;
            }
            if (!QuarantineRows.admissible(source, line, rule.isEmpty() ? null : rule)) {
                refused.add(new AdmitRecord.Refusal(
                        row.line(),
                        id,
                        at + "source: rows of '" + source + "' with rule '"
                                + rule
                                + "' are not re-admitted (a file quarantined whole is resubmitted; grid rows are "
                                + "corrected in the grid system)"));
                continue;
            }
            if (!id.equals(QuarantineRowId.of(source, sha, sheet.isEmpty() ? null : sheet, line))) {
                refused.add(new AdmitRecord.Refusal(
                        row.line(),
                        id,
                        at + "quarantine_id: does not match source, "
                                + "file_sha256, sheet and line; the identifying columns must stay as exported"));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            header.forEach((column, index) -> {
                if (!ExportColumns.FIXED.contains(column) && !column.isEmpty()) {
                    values.put(column, row.cell(index));
                }
            });
            Integer earlier = seen.put(id, corrections.size());
            if (earlier != null) {
                Correction superseded = corrections.set(earlier, null);
                refused.add(new AdmitRecord.Refusal(
                        superseded.admitLine(),
                        id,
                        name + " line " + superseded.admitLine() + ": superseded by line " + row.line()
                                + " for the same quarantine_id"));
            }
            corrections.add(new Correction(
                    id, source, sha, sheet, Integer.parseInt(line), values, name, sha256, row.line(), runId, by));
        }
        corrections.removeIf(Objects::isNull);
        return new AdmitRecord(name, sha256, runId, bytes, data.size(), corrections, refused);
    }

    private static String cell(SheetRow row, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null ? "" : row.cell(index).strip();
    }
}
