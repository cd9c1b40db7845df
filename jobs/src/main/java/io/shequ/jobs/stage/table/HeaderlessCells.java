package io.shequ.jobs.stage.table;

import io.shequ.jobs.stage.SourceFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Cells of a table that no header names: beyond the header's last column, or under a blank header
 * cell. They carry no field, so they are not read; they stay in the quarantine's raw JSON (as
 * {@code column_<n>}) of a rejected row, and this finding names file, sheet, lines and columns so
 * that they are never dropped without a word. A column whose header names no field is already an
 * {@code unknown_header} finding and is not repeated here.
 */
final class HeaderlessCells {

    private static final int LINES_NAMED = 5;

    private HeaderlessCells() {}

    static Optional<SourceFinding> of(String source, String location, String office, LocatedTable table) {
        TreeSet<Integer> columns = new TreeSet<>();
        List<String> examples = new ArrayList<>();
        long rows = 0;
        for (SheetRow row : table.dataRows()) {
            boolean any = false;
            for (int c = 0; c < row.cells().size(); c++) {
                if (!row.cell(c).isBlank() && table.header().cell(c).isBlank()) {
                    columns.add(c + 1);
                    if (!any && examples.size() < LINES_NAMED) {
                        examples.add("line " + row.line() + " column " + (c + 1) + " '"
                                + row.cell(c).strip() + "'");
                    }
                    any = true;
                }
            }
            rows += any ? 1 : 0;
        }
        if (rows == 0) {
            return Optional.empty();
        }
        String sheet =
                table.sheet() == null || location.endsWith(table.sheet()) ? "" : " sheet '" + table.sheet() + "'";
        return Optional.of(new SourceFinding(
                SourceFinding.CELLS_WITHOUT_HEADER,
                source,
                location,
                office,
                null,
                columns.toString(),
                rows,
                null,
                location + sheet + ": " + rows + " row(s) have cells in column(s) " + columns
                        + " that no header names (the header has "
                        + table.header().cells().size()
                        + " columns); they are not read: " + String.join(", ", examples)
                        + (rows > examples.size() ? ", …" : "")));
    }
}
