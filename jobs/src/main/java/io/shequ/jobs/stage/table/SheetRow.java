package io.shequ.jobs.stage.table;

import java.util.List;

/** One row of a spreadsheet or CSV file as text, with its 1-based line (CSV) or row number (XLSX). */
public record SheetRow(int line, List<String> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
