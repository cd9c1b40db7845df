package io.shequ.jobs.stage.table;

import java.util.List;

/** A table of text cells read from one file: a CSV file, or one sheet of a workbook. */
public record Sheet(String name, List<SheetRow> rows, String charset) {

    public Sheet {
        rows = List.copyOf(rows);
    }
}
