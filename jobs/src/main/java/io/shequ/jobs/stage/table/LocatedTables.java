package io.shequ.jobs.stage.table;

import java.util.List;

/**
 * The contract tables found in one file, one per sheet that holds one, and the sheets that hold
 * none, each with what it lacks.
 */
public record LocatedTables(List<LocatedTable> tables, List<SheetWithoutTable> sheetsWithoutTable) {

    public LocatedTables {
        tables = List.copyOf(tables);
        sheetsWithoutTable = List.copyOf(sheetsWithoutTable);
    }

    /**
     * A sheet in which no header names every required field. {@code namesFields} is true when some
     * row of it names at least one field (a table that may have been meant, and whose rows are not
     * read), false for a sheet of notes or an empty one.
     */
    public record SheetWithoutTable(String sheet, boolean namesFields, String message) {}

    /** Rows read from all the tables. */
    public long dataRows() {
        return tables.stream().mapToLong(t -> t.dataRows().size()).sum();
    }
}
