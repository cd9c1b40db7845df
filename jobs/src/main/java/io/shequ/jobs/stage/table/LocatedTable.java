package io.shequ.jobs.stage.table;

import io.shequ.schemas.contract.HeaderMapping;
import java.util.List;

/**
 * The contract table found in a file: the sheet it sits in, the text above its header (titles),
 * the header (its rows' texts joined per column, on the line of its first row, spanning
 * {@code headerRows} rows), which column holds which field, the data rows, and how many rows were set
 * aside as not data (blank, 合计 totals, 填报人 footers).
 */
public record LocatedTable(
        String sheet,
        String title,
        SheetRow header,
        int headerRows,
        HeaderMapping mapping,
        List<SheetRow> dataRows,
        int nonDataRows) {

    public LocatedTable {
        dataRows = List.copyOf(dataRows);
    }

    /** The raw text of field {@code name} in {@code row}, or null when the file has no such column. */
    public String raw(SheetRow row, String name) {
        var column = mapping.columnOf(name);
        return column.isPresent() ? row.cell(column.getAsInt()) : null;
    }

    /** The header text above field {@code name}, or null. */
    public String headerOf(String name) {
        var column = mapping.columnOf(name);
        return column.isPresent() ? header.cell(column.getAsInt()) : null;
    }
}
