package io.shequ.jobs.admit;

import io.shequ.jobs.extract.LandedSource;
import io.shequ.jobs.stage.table.LocatedTable;
import io.shequ.jobs.stage.table.RowCorrections;
import io.shequ.jobs.stage.table.SheetRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The corrections in force, applied to the rows they name: a row of the same bytes (file SHA-256),
 * sheet and line gets the corrected cells under the headers the admit file gives (for a row the
 * check step quarantined, under the contract's field names: {@link #correctedFields}); every other
 * cell, and every other row, stays as read. Remembers what it applied, for the run's accounting.
 */
public final class CorrectedRows implements RowCorrections {

    /** A correction applied to a row of a file staged under {@code location}. */
    public record Applied(Correction correction, String location) {}

    private final Map<String, Map<String, Correction>> byFile = new HashMap<>();
    private final List<Applied> applied = new ArrayList<>();

    public CorrectedRows(Iterable<Correction> corrections) {
        for (Correction c : corrections) {
            byFile.computeIfAbsent(c.source() + "\u0000" + c.fileSha256(), k -> new HashMap<>())
                    .put(rowKey(c.sheet(), c.line()), c);
        }
    }

    @Override
    public LocatedTable apply(String source, LandedSource file, LocatedTable table) {
        Map<String, Correction> corrections = byFile.get(source + "\u0000" + file.sha256());
        if (corrections == null) {
            return table;
        }
        List<SheetRow> rows = new ArrayList<>(table.dataRows().size());
        boolean changed = false;
        for (SheetRow row : table.dataRows()) {
            Correction c = corrections.get(rowKey(table.sheet(), row.line()));
            if (c == null) {
                rows.add(row);
                continue;
            }
            rows.add(c.byCheck() ? correctedFields(table, row, c) : corrected(table.header(), row, c));
            applied.add(new Applied(c, file.location()));
            changed = true;
        }
        return changed
                ? new LocatedTable(
                        table.sheet(),
                        table.title(),
                        table.header(),
                        table.headerRows(),
                        table.mapping(),
                        rows,
                        table.nonDataRows())
                : table;
    }

    /** What was applied so far. */
    public List<Applied> applied() {
        return List.copyOf(applied);
    }

    /** Header names as quarantine keys them (blank headers become column_N), so export and file agree. */
    static SheetRow corrected(SheetRow header, SheetRow row, Correction c) {
        int width = Math.max(header.cells().size(), row.cells().size());
        List<String> cells = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String name = header.cell(i).isBlank()
                    ? "column_" + (i + 1)
                    : header.cell(i).strip();
            cells.add(c.values().containsKey(name) ? nullToEmpty(c.values().get(name)) : row.cell(i));
        }
        return new SheetRow(row.line(), cells);
    }

    /**
     * A row the check step quarantined was corrected by field name: each value goes into the cell
     * the file holds that field in; a field the file has no column for (one staging derives, such
     * as the period or the normalised name) cannot be corrected this way and is left out.
     */
    static SheetRow correctedFields(LocatedTable table, SheetRow row, Correction c) {
        int width = Math.max(table.header().cells().size(), row.cells().size());
        List<String> cells = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            cells.add(row.cell(i));
        }
        c.values()
                .forEach((field, value) -> table.mapping().columnOf(field).ifPresent(column -> {
                    if (column < width) {
                        cells.set(column, nullToEmpty(value));
                    }
                }));
        return new SheetRow(row.line(), cells);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String rowKey(String sheet, int line) {
        return (sheet == null ? "" : sheet) + "\u0000" + line;
    }
}
